/** The unit layer stays pure: a suite that starts the local AWS emulator is listed in jest.layers.js (the emulator layer). */
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const { EMULATOR_SUITES } = require('../jest.layers') as { EMULATOR_SUITES: string[] };

function testFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) return rel === 'test/e2e' ? [] : testFiles(rel);
    return e.name.endsWith('.test.ts') ? [rel] : [];
  });
}

/** Starts moto: scripts/emulator's startEmulator, or test/handlers/support's emulator(). */
const startsEmulator = (file: string) => /\bstartEmulator\(|\bemulator\(\)/.test(fs.readFileSync(path.join(ROOT, file), 'utf8'));

test('every suite that starts the emulator is in the emulator layer, and only those', () => {
  const files = testFiles('test').filter((f) => f !== path.relative(ROOT, __filename)); // this file names the calls it looks for
  expect(files.filter(startsEmulator).sort()).toEqual([...EMULATOR_SUITES].sort());
});
