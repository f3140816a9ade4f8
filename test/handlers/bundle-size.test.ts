/** Each handler is inlined into its template (Code.ZipFile), which CloudFormation caps at 4096 bytes. */
import * as path from 'node:path';
import { buildSync } from 'esbuild';

const HANDLERS = ['guardduty-detector', 'guardduty-sample-findings', 'inspector-ec2-scanning', 'default-vpc', 'empty-bucket'];
const MAX_BYTES = 4096;

test.each(HANDLERS)('%s bundles to at most 4096 bytes and exports handler', (name) => {
  const result = buildSync({
    entryPoints: [path.join(__dirname, '..', '..', 'lib', 'handlers', `${name}.ts`)],
    bundle: true,
    minify: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['@aws-sdk/*'],
    write: false,
    logLevel: 'silent',
  });
  expect(result.errors).toEqual([]);
  const code = result.outputFiles[0].text;
  const bytes = Buffer.byteLength(code);
  console.log(`${name}: ${bytes} bytes`);
  expect(bytes).toBeLessThanOrEqual(MAX_BYTES);
  // Nothing but the Lambda runtime's AWS SDK v3 may be required at run time.
  const required = [...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
  expect(required.filter((r) => !r.startsWith('@aws-sdk/'))).toEqual([]);
  // Load it as Lambda would, and find the handler.
  const mod = { exports: {} as Record<string, unknown> };
  new Function('module', 'exports', 'require', code)(mod, mod.exports, require);
  expect(typeof mod.exports.handler).toBe('function');
});
