// Keeps one child of the dev stack running: when it dies unasked, it is started again after a
// backoff that doubles per fast failure (capped); after too many fast failures in a row the
// supervisor gives up loudly and lets the caller stop everything.
import type { ChildProcess } from 'node:child_process';

export interface RestartPolicy {
  /** Wait before the first restart; doubles per fast failure in a row. */
  initialDelayMs: number;
  /** Cap of that wait. */
  maxDelayMs: number;
  /** A child that dies within this long of starting has failed fast. */
  fastFailureMs: number;
  /** Give up after this many fast failures in a row. */
  maxFastFailures: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = { initialDelayMs: 500, maxDelayMs: 30_000, fastFailureMs: 30_000, maxFastFailures: 5 };

export interface ChildSpec {
  name: string;
  /** Starts the child and resolves once it is ready (rejects when it cannot start). */
  start(): Promise<ChildProcess>;
  /** Stops the running child in order (drain, then kill). */
  stop(proc: ChildProcess): Promise<void>;
}

export interface SupervisedChild {
  readonly name: string;
  current(): ChildProcess | undefined;
  /** Stops supervising and stops the child. */
  stop(): Promise<void>;
}

export interface SupervisorHooks {
  log(message: string): void;
  /** Called once when the child keeps failing; the caller stops the stack. */
  giveUp(name: string, reason: string): void;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Starts `spec` (rejects if the first start fails) and restarts it whenever it dies unasked. */
export async function supervise(spec: ChildSpec, policy: RestartPolicy, hooks: SupervisorHooks): Promise<SupervisedChild> {
  let proc: ChildProcess | undefined;
  let stopped = false;
  let fastFailures = 0;
  let timer: NodeJS.Timeout | undefined;

  const failed = (what: string, ranMs: number) => {
    if (stopped) return;
    fastFailures = ranMs < policy.fastFailureMs ? fastFailures + 1 : 0;
    if (fastFailures >= policy.maxFastFailures) {
      stopped = true;
      hooks.giveUp(spec.name, `${spec.name} ${what}; it failed ${fastFailures} times in a row within ${seconds(policy.fastFailureMs)} of starting, giving up`);
      return;
    }
    const delay = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** Math.max(0, fastFailures - 1));
    hooks.log(`${spec.name} ${what} after ${seconds(ranMs)}; restarting in ${seconds(delay)}${fastFailures ? ` (fast failure ${fastFailures} of ${policy.maxFastFailures})` : ''}`);
    timer = setTimeout(() => void restart(), delay);
  };

  const watch = (p: ChildProcess, startedAt: number) => {
    p.once('exit', (code, signal) => {
      if (proc === p) proc = undefined;
      failed(`exited (${signal ?? code})`, Date.now() - startedAt);
    });
  };

  const restart = async () => {
    if (stopped) return;
    const startedAt = Date.now();
    try {
      const p = await spec.start();
      if (stopped) return void (await spec.stop(p));
      proc = p;
      watch(p, startedAt);
      hooks.log(`${spec.name} restarted (pid ${p.pid})`);
    } catch (err) {
      failed(`could not start (${(err as Error).message.split('\n')[0]})`, Date.now() - startedAt);
    }
  };

  const startedAt = Date.now();
  proc = await spec.start();
  watch(proc, startedAt);
  return {
    name: spec.name,
    current: () => proc,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      if (proc) await spec.stop(proc);
    },
  };
}
