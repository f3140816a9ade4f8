/** Each handler is inlined into its template (Code.ZipFile), which CloudFormation caps at 4096 bytes. */
import { bundleHandler, INLINE_CODE_LIMIT } from '../../lib/constructs/bundle-handler';

const HANDLERS = ['guardduty-detector', 'guardduty-sample-findings', 'inspector-ec2-scanning', 'default-vpc', 'empty-bucket'];

test.each(HANDLERS)('%s bundles (as synth inlines it) to at most 4096 bytes and exports handler', (name) => {
  expect(INLINE_CODE_LIMIT).toBe(4096);
  const code = bundleHandler(name);
  const bytes = Buffer.byteLength(code);
  console.log(`${name}: ${bytes} bytes`);
  expect(bytes).toBeLessThanOrEqual(4096);
  // Nothing but the Lambda runtime's AWS SDK v3 may be required at run time.
  const required = [...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
  expect(required.filter((r) => !r.startsWith('@aws-sdk/'))).toEqual([]);
  // Load it as Lambda would, and find the handler.
  const mod = { exports: {} as Record<string, unknown> };
  new Function('module', 'exports', 'require', code)(mod, mod.exports, require);
  expect(typeof mod.exports.handler).toBe('function');
});
