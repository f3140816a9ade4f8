/**
 * The project's main job: deploy the whole workshop, read it back, and take it down again.
 * By default against the local AWS emulator (moto with our patches, on a free port); with
 * `target: 'aws'` against the account of the caller's credentials (kept up for the workshop).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Emulator, startEmulator } from '../emulator/emulator';
import { awsClients } from '../operator/clients';
import { operatorConfig } from '../operator/context';
import { formatFindings, hasBlocker, runPreflight } from '../preflight/run';
import { leftovers } from '../leftovers/find';
import { formatSummary, formatTable, verifyEnvironment, VerifyResult } from '../verify/index';
import { cdk, CdkRun } from './cdk-cli';
import { runLocalDemos } from './demo';
import { callerAccount, customResourceEffects, Effects, printSummary, StackState, stackStates } from './read-back';

export type { Effects, StackState } from './read-back';

export interface LocalRunOptions {
  /** 'emulator' (default) or 'aws' (real account from the caller's credentials). */
  readonly target?: 'emulator' | 'aws';
  /** Keep the environment up after verify (the emulator then runs until keepUntil resolves). */
  readonly keep?: boolean;
  /** Settings as given to cdk with -c key=value. */
  readonly context?: Record<string, string>;
  readonly log?: (line: string) => void;
  /**
   * With keep on the emulator: resolves when the environment may be taken down (Ctrl-C in
   * `npm run local -- --keep`; the e2e suite runs the operator commands against it meanwhile).
   * Gets the environment that reaches the deployed endpoint, and the cloud assembly it was deployed
   * from (`cdk deploy/diff --app <assembly>` act on the same stacks; removed after the run).
   */
  readonly keepUntil?: (env: Record<string, string | undefined>, deployed: { readonly assembly: string }) => Promise<void>;
  /**
   * Aborted by a stop signal (SIGINT, SIGTERM; reason: the signal's name): the CDK CLI under way is
   * killed and the run ends with `interrupted`. On the emulator, stopping it discards all it holds;
   * against AWS what exists stays, and the advice names the command that takes it down. With keep,
   * a signal while kept up ends keepUntil instead (the environment is then destroyed).
   */
  readonly stop?: AbortSignal;
}

export interface LocalRunReport {
  readonly ok: boolean;
  readonly steps: { step: string; seconds: number; ok: boolean }[];
  readonly stacks: StackState[];
  readonly verify?: VerifyResult;
  /** What the custom resources did, read back through the SDK after deploy... */
  readonly effects?: Effects;
  /** ...and after destroy (their Delete events undo only what they did). */
  readonly effectsAfterDestroy?: Effects;
  readonly leftovers?: { items: { kind: string; id: string; name?: string }[]; skipped: string[] };
  /** What to do next, when something failed. */
  readonly advice?: string;
  /** The signal that stopped the run, if one did. */
  readonly interrupted?: NodeJS.Signals;
}


export async function runLocal(opts: LocalRunOptions = {}): Promise<LocalRunReport> {
  const log = opts.log ?? ((l: string) => console.log(l));
  const target = opts.target ?? 'emulator';
  const contextArgs = Object.entries(opts.context ?? {}).flatMap(([k, v]) => ['-c', `${k}=${v}`]);
  const steps: LocalRunReport['steps'] = [];
  // Its own cloud assembly: runs side by side (a test and a developer) must not share cdk.out.
  const assembly = fs.mkdtempSync(path.join(os.tmpdir(), 'workshop-cdk-out-'));
  // On the emulator, its own CDK_HOME: the CLI caches account lookups there (~/.cdk otherwise).
  const cdkHome = target === 'emulator' ? fs.mkdtempSync(path.join(os.tmpdir(), 'workshop-cdk-home-')) : undefined;
  let emulator: Emulator | undefined;
  const report = (extra: Partial<LocalRunReport> & { ok: boolean }): LocalRunReport => ({ steps, stacks: [], ...extra });

  const step = async (name: string, args: string[], env: Record<string, string | undefined>, timeoutMs: number, signal = opts.stop): Promise<CdkRun> => {
    log(`\n=== ${name}: cdk ${args.join(' ')}`);
    const run = await cdk(args, { env, log: (l) => log(`  ${l}`), timeoutMs, signal });
    steps.push({ step: name, seconds: run.seconds, ok: run.code === 0 });
    log(`=== ${name}: ${run.code === 0 ? 'done' : 'FAILED'} in ${run.seconds.toFixed(1)} s`);
    return run;
  };

  const stopped = () => (opts.stop?.aborted ? (opts.stop.reason as NodeJS.Signals) : undefined);
  // The run was stopped by a signal: say what is left and how to take it down.
  const interrupted = (signal: NodeJS.Signals): LocalRunReport => {
    const c = contextArgs.join(' ');
    const advice =
      target === 'emulator'
        ? `Stopped by ${signal}: the emulator is stopped, and with it everything this run created in it (it keeps its state in memory only): nothing is left.`
        : `Stopped by ${signal}: what this run already created in your AWS account stays (a CloudFormation operation under way goes on on AWS's side). ` +
          `Take it down with: npm run destroy${c ? ` -- ${c}` : ''}   (then check with: npm run leftovers)`;
    return report({ ok: false, interrupted: signal, advice });
  };

  try {
    // The configuration first: a bad setting stops here, before any emulator or deploy.
    const config = operatorConfig(opts.context ?? {});
    let env: Record<string, string | undefined> = { ...process.env };
    if (target === 'emulator') {
      log('=== Starting the local AWS emulator (moto with the patches in scripts/emulator/)');
      emulator = await startEmulator();
      env = { ...env, ...emulator.env, CDK_HOME: cdkHome };
      log(`=== Emulator answering on ${emulator.endpoint}`);
    } else if (env.AWS_ENDPOINT_URL) {
      throw new Error('target aws: AWS_ENDPOINT_URL is set, so the SDK and CDK would not reach AWS. Unset it, or run without --aws for the emulator.');
    }
    if (stopped()) return interrupted(stopped()!);
    const account = await callerAccount(env);
    const region = config.region;
    env.CDK_DEFAULT_ACCOUNT = account;
    env.CDK_DEFAULT_REGION = region;
    log(`=== Target: account ${account}, region ${region}${emulator ? ` (emulator ${emulator.endpoint})` : ' (AWS)'}`);

    log('\n=== Preflight: quotas, AZs and instance types, AMI parameters, default VPC, GuardDuty/Inspector');
    const checks = awsClients(region, { env });
    const findings = await runPreflight(config, checks).finally(() => checks.destroy());
    log(formatFindings(findings));
    if (stopped()) return interrupted(stopped()!);
    if (hasBlocker(findings)) {
      return report({ ok: false, advice: 'Preflight found a blocker (above): do what it says, then run again. Nothing was deployed.' });
    }

    // Bootstrap is idempotent; on AWS it creates or updates the CDKToolkit stack, which destroy leaves in place.
    const boot = await step('bootstrap', ['bootstrap', `aws://${account}/${region}`, ...contextArgs], env, 5 * 60_000);
    if (stopped()) return interrupted(stopped()!);
    if (boot.code !== 0) return report({ ok: false, advice: `cdk bootstrap failed:\n${boot.tail}\nCheck the credentials and that the account may create the CDKToolkit stack.` });

    const synth = await step('synth', ['synth', '-q', '-o', assembly, ...contextArgs], env, 5 * 60_000);
    if (stopped()) return interrupted(stopped()!);
    if (synth.code !== 0) return report({ ok: false, advice: `cdk synth failed:\n${synth.tail}\nFix the configuration or code it names; nothing was deployed.` });
    const app = ['--app', assembly];

    const deploy = await step('deploy', ['deploy', ...app, '--require-approval', 'never', '--progress', 'events'], env, 60 * 60_000);
    if (stopped()) return interrupted(stopped()!);
    const stacks = await stackStates(env, config, assembly);
    if (deploy.code !== 0) {
      const advice =
        `cdk deploy failed:\n${deploy.tail}\n` +
        (target === 'emulator'
          ? 'The emulator is stopped with this run; nothing outlives it. Re-run with the same command; if it fails again, the lines above name the stack and resource.'
          : `Stacks now: ${stacks.map((s) => `${s.name} ${s.status}`).join(', ') || 'none'}. Read the failed stack's events in the CloudFormation console, fix the cause, and re-run, or take everything down with: npm run destroy`);
      return report({ ok: false, stacks, advice });
    }

    log('\n=== Verify: the environment read back against the workshop table');
    // Strict on the emulator: its patches make it record all verify reads, so NOT RECORDED there is a regression.
    const verify = await verifyEnvironment({ env, context: opts.context, strict: target === 'emulator' });
    log(formatTable(verify.rows));
    log(`\n${formatSummary(verify)}`);
    const effects = await customResourceEffects(env, region);
    printSummary(log, stacks, effects);
    if (stopped() && !opts.keep) return interrupted(stopped()!);
    const started = Date.now();
    const demos = await runLocalDemos(env, config, log, { leaveIsolated: target === 'emulator' && !opts.keep });
    if (demos !== undefined) steps.push({ step: 'demo', seconds: (Date.now() - started) / 1000, ok: demos });
    if (stopped() && !opts.keep) return interrupted(stopped()!);

    if (opts.keep || target === 'aws') {
      printKeep(log, target, emulator, contextArgs);
      if (target === 'aws' || !opts.keepUntil) return report({ ok: verify.ok && demos !== false, stacks, verify, effects });
      await opts.keepUntil(env, { assembly });
    }

    // Kept up and then stopped by a signal: that signal asked for this destroy, so it does not cut it short.
    const destroy = await step('destroy', ['destroy', ...app, '--force'], env, 30 * 60_000, opts.keep ? undefined : opts.stop);
    if (stopped() && !opts.keep) return interrupted(stopped()!);
    const afterDestroy = await stackStates(env, config, assembly);
    const effectsAfterDestroy = await customResourceEffects(env, region);
    const left = await leftovers({ env, context: opts.context });
    log(`\n=== Leftovers after destroy: ${left.items.length === 0 ? 'none' : left.items.map((i) => `${i.kind} ${i.id}${i.name ? ` (${i.name})` : ''}`).join(', ')}`);
    for (const s of left.skipped) log(`  not checked: ${s}`);
    const ok = verify.ok && demos !== false && destroy.code === 0 && left.items.length === 0 && afterDestroy.length === 0;
    return report({
      ok,
      stacks,
      verify,
      effects,
      effectsAfterDestroy,
      leftovers: left,
      advice: ok
        ? undefined
        : destroy.code !== 0
          ? `cdk destroy failed:\n${destroy.tail}\n` +
            (emulator
              ? 'The emulator (and all in it) stopped with this run. The lines above name the stack and resource that failed to delete: that is a bug of the app or of an emulator patch (scripts/emulator/); please report it with this output.'
              : 'Run `npm run destroy`: it explains which resource blocked the stack and what to do.')
          : !verify.ok
            ? 'The environment did not match the workshop table: see the MISMATCH rows above.'
            : demos === false
              ? 'A day-2 demo did not do what it shows: see its lines above (=== Demo).'
            : 'Something the app created is still there: see the leftovers above; `npm run leftovers` lists them again.',
    });
  } finally {
    if (emulator) {
      await emulator.stop();
      log('=== Emulator stopped');
    }
    fs.rmSync(assembly, { recursive: true, force: true });
    if (cdkHome) fs.rmSync(cdkHome, { recursive: true, force: true });
  }
}

function printKeep(log: (l: string) => void, target: string, emulator: Emulator | undefined, contextArgs: string[]) {
  const c = contextArgs.join(' ');
  if (target === 'aws' || !emulator) {
    log(`\n=== The workshop is up in your account. Take it down after the session with: npm run destroy${c ? ` -- ${c}` : ''}`);
    log('    and check that nothing is left with: npm run leftovers');
    return;
  }
  log('\n=== Kept up. Reach the emulator from another shell with:');
  for (const [k, v] of Object.entries(emulator.env)) log(`    export ${k}=${v}`);
  log('    e.g. aws ec2 describe-vpcs, or npm run verify');
  log('=== Press Ctrl-C here to destroy the environment and stop the emulator.');
}
