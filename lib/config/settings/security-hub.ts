/** Validation of the day-2 respond settings (Security Hub, AWS Config, Detective). */
import { CONFIG_RECORDING_MODES, WorkshopConfig } from '../workshop-config';

export function validateSecurityHubSettings(c: WorkshopConfig, bad: (setting: string, value: unknown, allowed: string) => void): void {
  if (!(CONFIG_RECORDING_MODES as readonly unknown[]).includes(c.configRecording)) {
    bad('configRecording', c.configRecording, `must be ${CONFIG_RECORDING_MODES.join(' or ')} (how often AWS Config records changes; daily is cheaper)`);
  }
  if (typeof c.detective !== 'boolean') bad('detective', c.detective, 'must be true or false (true adds an Amazon Detective behavior graph on day 2; it bills per GB ingested)');
}
