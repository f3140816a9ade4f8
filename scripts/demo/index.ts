/** Every demo command, in the order the usage lists them. A day-2 feature adds its own here. */
import { blockDemo, unblockDemo } from './auto-block';
import type { DemoCommand } from './types';

export const DEMO_COMMANDS: readonly DemoCommand[] = [blockDemo, unblockDemo];
