/**
 * The app's TypeScript loader for `cdk synth` (cdk.json: node --require ./bin/ts-loader.cjs):
 * compiles our own .ts files (bin/, lib/) to CommonJS with esbuild as they are required, with
 * inline source maps so that stack traces (errors, the validation report) name .ts lines.
 * Transpile only, like tsx: type-checking is `npm run typecheck`.
 *
 * Lighter than tsx, which also lexes every .js file it loads (all of aws-cdk-lib's) to detect ES
 * module syntax: ~0.2 s of CPU per synth. Only .ts files outside node_modules go through esbuild;
 * everything else is loaded by node as usual.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { transformSync } = require('esbuild');

const ROOT = path.resolve(__dirname, '..');
// tsconfig.json's compiler options (target ES2022: class fields with define semantics, as tsc).
const tsconfigRaw = { compilerOptions: JSON.parse(fs.readFileSync(path.join(ROOT, 'tsconfig.json'), 'utf8')).compilerOptions };

process.setSourceMapsEnabled(true);

require.extensions['.ts'] = function loadTs(module, filename) {
  if (filename.includes(`${path.sep}node_modules${path.sep}`)) throw new Error(`ts-loader: TypeScript in node_modules is not supported: ${filename}`);
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
    loader: 'ts',
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    sourcemap: 'inline',
    sourcefile: filename,
    tsconfigRaw,
  });
  module._compile(code, filename);
};
