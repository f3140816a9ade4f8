/**
 * How an operator command ends: its main's number is the exit code; a throw prints the error
 * (`describe` says how, default its message) and exits with `failureCode` (default 2, "the
 * command itself failed"). `drain`: set process.exitCode and let pending output flush (for
 * commands that print large JSON to a pipe) instead of exiting at once. SIGINT and SIGTERM stop
 * every command promptly (scripts/operator/signals.ts).
 */
import { errorMessage } from './errors';
import { handleStopSignals, StopMode } from './signals';

export interface CommandEnd {
  readonly failureCode?: number;
  readonly describe?: (e: unknown) => unknown;
  readonly drain?: boolean;
  /** SIGINT/SIGTERM: 'exit' (default) stops at once after the registered cleanups; 'abort' lets main wind down (scripts/operator/signals.ts). */
  readonly onSignal?: StopMode;
}

export function runCommand(main: () => Promise<number>, end: CommandEnd = {}): void {
  handleStopSignals(end.onSignal ?? 'exit');
  const finish = (code: number) => {
    if (end.drain) process.exitCode = code;
    else process.exit(code);
  };
  main().then(finish, (e) => {
    console.error((end.describe ?? errorMessage)(e));
    finish(end.failureCode ?? 2);
  });
}
