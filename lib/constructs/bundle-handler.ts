import * as path from 'node:path';
import { buildSync } from 'esbuild';

/** CloudFormation's limit for Code.ZipFile (inline Lambda source) is 4096 characters. */
export const INLINE_CODE_LIMIT = 4096;

const HANDLER_DIR = path.join(__dirname, '..', 'handlers');
const bundles = new Map<string, string>();

/**
 * Bundles lib/handlers/<name>.ts into one minified CommonJS file for inline code, at synth time.
 * The Node.js Lambda runtime ships AWS SDK v3, so @aws-sdk/* stays external.
 * Throws when the bundle does not fit CloudFormation's inline-code limit.
 */
export function bundleHandler(name: string): string {
  const cached = bundles.get(name);
  if (cached) return cached;
  const result = buildSync({
    entryPoints: [path.join(HANDLER_DIR, `${name}.ts`)],
    bundle: true,
    minify: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['@aws-sdk/*'],
    write: false,
    legalComments: 'none',
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].text;
  if (code.length > INLINE_CODE_LIMIT) {
    throw new Error(
      `Handler lib/handlers/${name}.ts bundles to ${code.length} characters; CloudFormation inline code (Code.ZipFile) allows ${INLINE_CODE_LIMIT}. Make it smaller.`,
    );
  }
  bundles.set(name, code);
  return code;
}
