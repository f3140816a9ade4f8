/**
 * Ctrl-C (SIGINT) and SIGTERM for every operator command (runCommand installs the handlers).
 *
 * - mode 'exit' (default): the command stops at once: the cleanups registered with onStop run
 *   (bounded: a child process killed, the local emulator stopped), and the process exits with
 *   128 + the signal's number (130 SIGINT, 143 SIGTERM). Without this, Node exits on the signal
 *   without its 'exit' event, and a child (moto, the CDK CLI) would outlive the command.
 * - mode 'abort': for a command that winds down itself (npm run local): stopSignal aborts, the
 *   command ends its current step and says what it leaves; a second signal, or WIND_DOWN_MS
 *   without an end, exits as in 'exit' mode.
 */
export type StopMode = 'exit' | 'abort';
type Cleanup = (signal: NodeJS.Signals) => void | Promise<void>;

const cleanups = new Set<Cleanup>();
const controller = new AbortController();
let installed: StopMode | undefined;

/** Aborted (with the signal's name as reason) on the first SIGINT or SIGTERM in 'abort' mode. */
export const stopSignal: AbortSignal = controller.signal;

/** Longest a cleanup may take before the process exits anyway. */
export const CLEANUP_MS = 10_000;
/** In 'abort' mode, longest the command may take to wind down after the first signal. */
export const WIND_DOWN_MS = 60_000;

export const exitCodeOf = (signal: NodeJS.Signals): number => (signal === 'SIGINT' ? 130 : 143);

/** Runs fn when a signal stops the command; returns the function that unregisters it. */
export function onStop(fn: Cleanup): () => void {
  cleanups.add(fn);
  return () => cleanups.delete(fn);
}


async function exitNow(signal: NodeJS.Signals): Promise<never> {
  const all = [...cleanups].map((fn) => Promise.resolve().then(() => fn(signal)).catch(() => undefined));
  await Promise.race([Promise.all(all), new Promise((r) => setTimeout(r, CLEANUP_MS).unref())]);
  process.exit(exitCodeOf(signal));
}

/** In 'abort' mode, for a part of a command that does not wind down itself: the first signal stops at once. */
export function exitOnStop(): void {
  stopSignal.addEventListener('abort', () => void exitNow(stopSignal.reason as NodeJS.Signals), { once: true });
}

export function handleStopSignals(mode: StopMode = 'exit'): void {
  if (installed) return;
  installed = mode;
  const onSignal = (signal: NodeJS.Signals) => {
    if (mode === 'exit' || stopSignal.aborted) {
      console.error(`\nStopped by ${signal}.`);
      void exitNow(signal);
      return;
    }
    console.error(`\n${signal}: stopping (once more to stop at once)…`);
    controller.abort(signal);
    setTimeout(() => void exitNow(signal), WIND_DOWN_MS).unref();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}
