/**
 * Each handler is inlined into the template (Code.ZipFile) and must fit our inline-code budget,
 * INLINE_CODE_BUDGET (a budget of ours for small, reviewable handlers, not a CloudFormation limit).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { bundleHandler, INLINE_CODE_BUDGET } from '../../lib/constructs/bundle-handler';
import { HANDLERS, SHARED_HANDLER_MODULES } from '../../lib/handlers';

const HANDLER_DIR = path.join(__dirname, '..', '..', 'lib', 'handlers');

test('HANDLERS lists every handler module in lib/handlers/, and only those', () => {
  const modules = fs.readdirSync(HANDLER_DIR).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -'.ts'.length));
  const shared = new Set<string>(SHARED_HANDLER_MODULES);
  expect([...HANDLERS].sort()).toEqual(modules.filter((m) => !shared.has(m)).sort());
  for (const m of SHARED_HANDLER_MODULES) expect(modules).toContain(m);
});

test('the budget is ours: 32 KB', () => {
  expect(INLINE_CODE_BUDGET).toBe(32 * 1024);
});

test.each(HANDLERS)('%s bundles (as synth inlines it) within INLINE_CODE_BUDGET and exports handler', (name) => {
  const code = bundleHandler(name);
  const bytes = Buffer.byteLength(code);
  console.log(`${name}: ${bytes} bytes`);
  expect(code.length).toBeLessThanOrEqual(INLINE_CODE_BUDGET);
  expect(bytes).toBeLessThanOrEqual(INLINE_CODE_BUDGET);
  // Nothing but the Lambda runtime's AWS SDK v3 may be required at run time (no aws-cdk-lib).
  const required = [...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
  expect(required.filter((r) => !r.startsWith('@aws-sdk/'))).toEqual([]);
  // Load it as Lambda would, and find the handler.
  const mod = { exports: {} as Record<string, unknown> };
  new Function('module', 'exports', 'require', code)(mod, mod.exports, require);
  expect(typeof mod.exports.handler).toBe('function');
});

test('nothing in lib/handlers/ imports aws-cdk-lib or constructs (handlers run in Lambda)', () => {
  for (const f of fs.readdirSync(HANDLER_DIR).filter((x) => x.endsWith('.ts'))) {
    const source = fs.readFileSync(path.join(HANDLER_DIR, f), 'utf8');
    expect({ f, cdk: /from '(aws-cdk-lib|constructs)/.test(source) }).toEqual({ f, cdk: false });
  }
});
