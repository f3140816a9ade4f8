import * as path from 'node:path';
import { buildSync } from 'esbuild';
import { HANDLERS, HandlerName } from '../handlers';

/**
 * Our budget for one handler's inline code, in characters: small, reviewable inline handlers.
 * Not a CloudFormation limit (Code.ZipFile no longer has the old 4096-character cap, aws-cdk
 * #20624); with five handlers at most this size the template stays well under CloudFormation's
 * 1 MB template limit.
 */
export const INLINE_CODE_BUDGET = 32 * 1024;

const HANDLER_DIR = path.join(__dirname, '..', 'handlers');
const bundles = new Map<HandlerName, string>();

/**
 * Bundles lib/handlers/<name>.ts into one minified CommonJS file for inline code, at synth time,
 * once per process. The Node.js Lambda runtime ships AWS SDK v3, so @aws-sdk/* stays external.
 * One esbuild call per handler on purpose: a call with every handler as an entry point takes
 * about as long (the calls are ~10 ms each) but minifies names differently, changing the template.
 * Throws when the bundle exceeds our inline-code budget.
 */
export function bundleHandler(name: HandlerName): string {
  const cached = bundles.get(name);
  if (cached) return cached;
  if (!(HANDLERS as readonly string[]).includes(name)) throw new Error(`Unknown handler '${name}': not in HANDLERS (lib/handlers/index.ts)`);
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
  if (code.length > INLINE_CODE_BUDGET) {
    throw new Error(
      `Handler lib/handlers/${name}.ts bundles to ${code.length} characters, over our inline-code budget of ${INLINE_CODE_BUDGET} ` +
        '(INLINE_CODE_BUDGET in lib/constructs/bundle-handler.ts: small, reviewable inline handlers). Make it smaller.',
    );
  }
  bundles.set(name, code);
  return code;
}
