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

test('stopped by a signal against AWS: nothing more is called, what exists stays, and the advice names the cleanup command', async () => {
  const before = process.env.AWS_ENDPOINT_URL;
  delete process.env.AWS_ENDPOINT_URL;
  try {
    const report = await runLocal({ target: 'aws', context: { natGateways: '1' }, stop: AbortSignal.abort('SIGTERM'), log: () => undefined });
    expect(report).toMatchObject({ ok: false, interrupted: 'SIGTERM', steps: [] });
    expect(report.advice).toBe(
      "Stopped by SIGTERM: what this run already created in your AWS account stays (a CloudFormation operation under way goes on on AWS's side). " +
        'Take it down with: npm run destroy -- -c natGateways=1   (then check with: npm run leftovers)',
    );
  } finally {
    if (before !== undefined) process.env.AWS_ENDPOINT_URL = before;
  }
});
