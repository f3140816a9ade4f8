/**
 * The check's pure layer: every expected row of the day-1 parts belongs to exactly one step; the
 * text's literal names; how a step is graded from verify's rows; the hints; the scoreboard's lines
 * and page.
 */
import { literalNames } from '../../lib/config/text-slips';
import { WORKSHOP_DEFAULTS } from '../../lib/config/workshop-config';
import { formatStep, gradeStep, handsOnRows } from '../../scripts/check/grade';
import { participantScope } from '../../scripts/check/finder';
import { CHECK_READS, CHECK_STEPS, partsToRead } from '../../scripts/check/steps';
import { boardHtml, boardLines, Board } from '../../scripts/fleet/scoreboard';
import { EXISTS, Found, Observation, rowKey } from '../../scripts/verify/types';

const target = { account: '123456789012', partition: 'aws' };
const scope = participantScope(WORKSHOP_DEFAULTS, target);
const allRows = Object.values(CHECK_READS).flat().flatMap((p) => p.expectedRows(scope));
/** As the check grades them: the workshop text's values where the app departs from it, less the app's own choices. */
const rows = handsOnRows(allRows);
const step = (id: string) => CHECK_STEPS.find((s) => s.id === id)!;

test('every expected row of the five day-1 parts is in exactly one step', () => {
  const homeless = rows.filter((r) => CHECK_STEPS.filter((s) => s.has(r, scope.labels)).length !== 1);
  expect(homeless).toEqual([]);
  expect(CHECK_STEPS.map((s) => s.id)).toHaveLength(19);
});

test("the app's own choices are verify's alone: its workgroup, the Wazuh policy, the names it gives", () => {
  const appOnly = allRows.filter((r) => r.appOnly);
  expect([...new Set(appOnly.filter((r) => r.attribute === EXISTS).map((r) => r.resource))]).toEqual([
    'Athena workgroup SecurityWorkshop-Investigation',
    'IAM policy SecurityWorkshop-WazuhVpcFlowReader',
  ]);
  expect(appOnly.map((r) => `${r.resource}|${r.attribute}`)).toEqual(
    expect.arrayContaining([
      'Trail SecurityWorkshop-Trail|S3 bucket',
      'Trail SecurityWorkshop-Trail|CloudWatch Logs group',
      'Alarm SecurityWorkshop-FlowLogs-Rejected-Spike|threshold',
    ]),
  );
  // What the text asks stays graded: the trail everywhere and validated, the alarm summing REJECT records.
  expect(rows.filter((r) => r.kind === 'trail').map((r) => r.attribute)).toEqual(['exists', 'multi-region', 'log file validation', 'logging']);
  expect(rows.filter((r) => r.kind === 'metricFilter').map((r) => `${r.attribute}=${r.expected}`)).toEqual(['exists=yes', 'metric value=1']);
});

test("the text's literal names: public subnets all -a-, private subnets all -a-, private route tables Public-Route-Table-x", () => {
  expect(Object.fromEntries(literalNames(WORKSHOP_DEFAULTS))).toEqual({
    'Public-Subnet-b-10-0-2': ['Public-Subnet-a-10-0-2'],
    'Public-Subnet-c-10-0-3': ['Public-Subnet-a-10-0-3'],
    'Private-Subnet-b-10-0-5': ['Private-Subnet-a-10-0-5'],
    'Private-Subnet-c-10-0-6': ['Private-Subnet-a-10-0-6'],
    'Private-Route-Table-a': ['Public-Route-Table-a'],
    'Private-Route-Table-b': ['Public-Route-Table-b'],
    'Private-Route-Table-c': ['Public-Route-Table-c'],
  });
});

test('compute is read after network (it names the subnets network found); identity alone reads identity only', () => {
  expect(partsToRead(['compute'])).toEqual(['network', 'compute']);
  expect(partsToRead(['identity'])).toEqual(['identity']);
});

/** Observations: every row of `step` as expected, then `changes` (resource|attribute -> found value). */
function observed(ids: string[], changes: Record<string, string> = {}): Observation {
  const o: Observation = new Map<string, Found>();
  for (const r of rows.filter((x) => ids.some((id) => step(id).has(x, scope.labels)))) o.set(rowKey(r.resource, r.attribute), { value: r.expected });
  for (const [key, value] of Object.entries(changes)) o.set(key, { value });
  return o;
}

test("where the app departs from the text for Control Tower, the check expects the text (7 days, SSE-S3), accepts the app's values (a part the app deployed), grades no versioning", () => {
  const of = (rs: typeof rows, resource: string, attribute: string) => rs.filter((r) => r.resource === resource && r.attribute === attribute).map((r) => r.expected);
  const bucket = allRows.find((r) => r.kind === 'bucket')!.resource;
  const workGroup = allRows.find((r) => r.kind === 'athenaWorkGroup')!.resource;
  expect(of(allRows, 'Log group Flow-logs-VPC-10-0-0-0', 'retention (days)')).toEqual(['365']);
  expect(of(rows, 'Log group Flow-logs-VPC-10-0-0-0', 'retention (days)')).toEqual(['7']);
  expect(rows.find((r) => r.resource === 'Log group Flow-logs-VPC-10-0-0-0' && r.attribute === 'retention (days)')!.alsoAccept).toEqual(['365']);
  expect([of(allRows, bucket, 'default encryption'), of(rows, bucket, 'default encryption')]).toEqual([['aws:kms'], ['AES256']]);
  expect([of(allRows, bucket, 'versioning'), of(rows, bucket, 'versioning')]).toEqual([['Enabled'], []]);
  // The app's workgroup and Wazuh policy are its own: verify checks their KMS, the check grades neither.
  expect([of(allRows, workGroup, 'result encryption'), of(rows, workGroup, 'result encryption')]).toEqual([['SSE_KMS'], []]);
  const wazuh = allRows.find((r) => r.kind === 'iamPolicy' && r.attribute === 'actions')!.resource;
  expect([of(allRows, wazuh, 'actions'), of(rows, wazuh, 'actions')]).toEqual([['ec2:DescribeFlowLogs, kms:Decrypt, s3:GetObject, s3:ListBucket'], []]);
});

describe('grading a step', () => {
  const grade = (id: string, o: Observation) => gradeStep(step(id), rows, o, scope)!;

  test('all as expected: done', () => {
    expect(grade('nat', observed(['vpc', 'nat'])).status).toBe('done');
  });

  test('nothing there: not started, and the VPC count of NAT gateways is no failure then', () => {
    const o = observed(['vpc'], { 'VPC VPC-10-0-0-0|NAT gateways in VPC': '0' });
    for (const nat of scope.names.natGateways) o.set(rowKey(`NAT gateway ${nat}`, EXISTS), { value: 'no' });
    expect(grade('nat', o)).toMatchObject({ status: 'not started', wrong: [] });
  });

  test('some there and right, the rest missing: in progress, listing what is not yet there', () => {
    const o = observed(['subnets'], { [`Subnet Private-Subnet-c-10-0-6|${EXISTS}`]: 'no' });
    expect(grade('subnets', o)).toMatchObject({ status: 'in progress', missing: ['Subnet Private-Subnet-c-10-0-6'] });
  });

  test('the default VPC without its Name tag is not started, not wrong', () => {
    expect(grade('default-vpc', observed(['default-vpc'], { 'Default VPC|Name tag': '(no Name tag)' })).status).toBe('not started');
  });

  test.each([
    ['Route table Private-Route-Table-c|route 0.0.0.0/0', 'IGW-VPC-10-0-0-0', 'private-rt', 'Private-Route-Table-c sends 0.0.0.0/0 to the internet gateway, which makes its subnet public; the workshop sends it to NGW-Public-subnet-10-0-3'],
    ['Route table Private-Route-Table-a|route 0.0.0.0/0', 'none', 'private-rt', 'Private-Route-Table-a has no route for 0.0.0.0/0: add one to NGW-Public-subnet-10-0-1'],
    ['Subnet Public-Subnet-b-10-0-2|AZ', 'us-east-1a', 'subnets', 'a subnet cannot move: delete Public-Subnet-b-10-0-2 and create it again in us-east-1b'],
    ['Log group Flow-logs-VPC-10-0-0-0|retention (days)', 'never expire', 'flow-cw', 'Log group -> Actions -> Edit retention setting -> 7 days'],
  ])('wrong: %s found %s, with its hint', (key, found, id, hint) => {
    const r = grade(id, observed([id], { [key]: found }));
    expect(r.status).toBe('wrong');
    expect(r.wrong).toEqual([expect.objectContaining({ found, hint })]);
    expect(formatStep(r)).toContain(`      hint: ${hint}`);
  });
});

test('the scoreboard: a row per participant, a column per step, an unreachable account says why', () => {
  const done = gradeStep(step('vpc'), rows, observed(['vpc']), scope)!;
  const board: Board = [
    { participant: { name: 'alice', accountId: '111111111111', line: 2 }, ok: true, value: { account: '111111111111', steps: [done], warnings: [], ok: true } },
    { participant: { name: 'bob', accountId: '222222222222', line: 3 }, ok: false, error: 'AccessDenied: not authorized to perform sts:AssumeRole' },
  ];
  const lines = boardLines(board);
  expect(lines[2].replace(/\s+/g, ' ')).toBe(`alice - - - ✓ ${'- '.repeat(15)}1/1`);
  expect(lines[3]).toMatch(/^bob\s+ERROR AccessDenied: not authorized/);
  const page = boardHtml(board, new Date('2026-12-01T07:00:00Z'), 30);
  expect(page).toContain('<meta http-equiv="refresh" content="30">');
  expect(page).toContain('<td class="done" title="done">✓</td>');
  expect(page).toContain('<td colspan="19" class="error">AccessDenied: not authorized to perform sts:AssumeRole</td>');
});
