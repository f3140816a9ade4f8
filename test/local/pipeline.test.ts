import { runLocal } from '../../scripts/local/pipeline';

test('npm run local: a bad setting stops before any emulator starts or anything deploys', async () => {
  const lines: string[] = [];
  await expect(runLocal({ context: { natGateways: '7' }, log: (l) => lines.push(l) })).rejects.toThrow(
    'natGateways=7: must be 3 (the workshop: one per AZ) or 1 (cheaper mode, departs from the text)',
  );
  expect(lines.filter((l) => l.includes('Starting the local AWS emulator'))).toEqual([]);
});

test('npm run local -- --aws refuses to run while AWS_ENDPOINT_URL points elsewhere', async () => {
  const before = process.env.AWS_ENDPOINT_URL;
  process.env.AWS_ENDPOINT_URL = 'http://localhost:1';
  try {
    await expect(runLocal({ target: 'aws', log: () => undefined })).rejects.toThrow(/AWS_ENDPOINT_URL is set/);
  } finally {
    if (before === undefined) delete process.env.AWS_ENDPOINT_URL;
    else process.env.AWS_ENDPOINT_URL = before;
  }
});
