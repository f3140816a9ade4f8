import { loadConfig } from '../../lib/config/load-config';
import { configRecorderName, recordingFrequency } from '../../lib/config/security-hub';
import { WorkshopConfigError } from '../../lib/config/validate-config';

/** Context as `-c key=value` gives it: every value a string. */
const load = (context: Record<string, unknown>) => loadConfig((k) => context[k]);

describe('settings of the day-2 respond part', () => {
  test('defaults: Config records continuously, no Detective; the recorder is named after the stack', () => {
    const c = load({});
    expect(c.configRecording).toBe('continuous');
    expect(c.detective).toBe(false);
    expect(recordingFrequency(c)).toBe('CONTINUOUS');
    expect(configRecorderName(c)).toBe('SecurityWorkshop-recorder');
  });

  test('valid values load as given', () => {
    const c = load({ configRecording: 'daily', detective: 'true', stackPrefix: 'Room1' });
    expect(c.configRecording).toBe('daily');
    expect(recordingFrequency(c)).toBe('DAILY');
    expect(c.detective).toBe(true);
    expect(configRecorderName(c)).toBe('Room1-recorder');
  });

  test.each([
    [{ configRecording: 'hourly' }, 'configRecording="hourly": must be continuous or daily (how often AWS Config records changes; daily is cheaper)'],
    [{ configRecording: 'DAILY' }, 'configRecording="DAILY": must be continuous or daily'],
    [{ detective: 'yes' }, 'detective="yes": must be true or false (true adds an Amazon Detective behavior graph on day 2; it bills per GB ingested)'],
  ])('%j throws naming the setting, the value and what is allowed', (context, message) => {
    expect(() => load(context)).toThrow(WorkshopConfigError);
    expect(() => load(context)).toThrow(message);
  });
});
