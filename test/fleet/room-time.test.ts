/**
 * A room's deploy time (scripts/bench/room-time.ts): the one function behind `fleet deploy
 * --dry-run` and `npm run bench`, on deploy-time.ts's one-template figure and the concurrency.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { estimateAssembly, templateGraphs } from '../../scripts/bench/deploy-time';
import { oneTemplateSeconds, roomDeployTime, roomTimeLine } from '../../scripts/bench/room-time';
import { DEFAULT_MAX_CONCURRENT_PERCENT, fleetSettings, FLEET_SPECS } from '../../scripts/fleet/cli';
import { estimateFleetSeconds } from '../../scripts/fleet/deploy';
import { parseArgs } from '../../scripts/operator/args';
import { synthesized } from '../support/synthesized';

test('waves of the concurrency times one template', () => {
  expect(roomDeployTime(175, 10, 100)).toEqual({ perInstance: 175, concurrent: 10, waves: 1, seconds: 175 });
  expect(roomDeployTime(175, 50, 100)).toEqual({ perInstance: 175, concurrent: 50, waves: 1, seconds: 175 });
  expect(roomDeployTime(175, 50, 25)).toEqual({ perInstance: 175, concurrent: 12, waves: 5, seconds: 875 });
  expect(roomDeployTime(175, 0, 100).seconds).toBe(0);
  expect(roomTimeLine(50, roomDeployTime(175, 50, 25))).toBe('50 participants: 15 min (875 s) = 5 wave(s) of up to 12 account(s) x ~3 min (175 s) per instance');
});

test("fleet deploy --dry-run's estimate is deploy-time.ts's one-template figure of the synthesized template, per wave", () => {
  const { stackName, template } = synthesized({});
  const json = template.toJSON();
  const graphs = templateGraphs([{ name: stackName, template: json }]);
  const one = estimateAssembly(graphs).oneTemplate.seconds;
  expect(oneTemplateSeconds(graphs)).toBe(one);
  expect(estimateFleetSeconds(json, stackName, 10, 30)).toEqual(roomDeployTime(one, 10, 30));
  expect(estimateFleetSeconds(json, stackName, 10, 30)).toMatchObject({ concurrent: 3, waves: 4, seconds: 4 * one });
});

test('the default concurrency bench uses is the fleet default', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'room-time-'));
  const roster = path.join(dir, 'room.csv');
  fs.writeFileSync(roster, 'participant,accountId\nalice,111111111111\n');
  try {
    expect(fleetSettings(parseArgs(FLEET_SPECS.deploy, ['--roster', roster])).maxConcurrentPercent).toBe(DEFAULT_MAX_CONCURRENT_PERCENT);
    expect(DEFAULT_MAX_CONCURRENT_PERCENT).toBe(100);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
