// One long-running child process (a Temporal dev server, cluster server or UI server): spawned
// with its output collected (the tail goes into any error), polled until `ready()` answers, and
// stopped with SIGTERM, then SIGKILL after a grace period.
import { spawn, type ChildProcess } from 'node:child_process';
import { Connection } from '@temporalio/client';

export interface SpawnServiceOptions {
  /** Names the service in errors, e.g. "temporal dev server". */
  name: string;
  command: string;
  args: string[];
  cwd?: string;
  /** Own process group, so a Ctrl-C on the terminal does not reach it before its turn. */
  detached?: boolean;
  onOutput?: (chunk: string) => void;
  /** Resolves true once the service answers; a throw counts as "not yet". */
  ready: () => Promise<boolean>;
  /** What the error messages call the place it should answer on. */
  readyAt: string;
  readyTimeoutMs: number;
  /** SIGTERM, then SIGKILL after this long. */
  stopGraceMs: number;
}

export interface SpawnedService {
  process: ChildProcess;
  stop(): Promise<void>;
}

const OUTPUT_KEPT = 20_000;
const ERROR_TAIL = 4_000;
const POLL_MS = 250;

export async function spawnService(opts: SpawnServiceOptions): Promise<SpawnedService> {
  const child = spawn(opts.command, opts.args, { cwd: opts.cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: opts.detached ?? false });
  let output = '';
  const collect = (b: Buffer) => {
    const s = b.toString();
    if (output.length < OUTPUT_KEPT) output += s;
    opts.onOutput?.(s);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.stopGraceMs);
    await exited;
    clearTimeout(timer);
  };

  const deadline = Date.now() + opts.readyTimeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${opts.name} exited (${child.exitCode}):\n${output.slice(-ERROR_TAIL)}`);
    if (await opts.ready().catch(() => false)) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${opts.name} did not answer on ${opts.readyAt}:\n${output.slice(-ERROR_TAIL)}`);
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  return { process: child, stop };
}

/** Ready once a Temporal frontend at `address` answers GetSystemInfo. */
export function temporalAnswers(address: string): () => Promise<boolean> {
  return async () => {
    const conn = await Connection.connect({ address, connectTimeout: 1_000 });
    try {
      await conn.workflowService.getSystemInfo({});
      return true;
    } finally {
      await conn.close();
    }
  };
}
