// Spawns test/fixtures/crashing-worker.ts: a worker on the given task queue that SIGKILLs itself
// right after the named activity committed (CRASH_AFTER), or is killed by the caller. No vitest
// here, so the benches use it too; test/support/crashing-worker.ts fills in the suite's stack.
import { spawn } from 'node:child_process';
import path from 'node:path';

export interface CrashingWorkerStack {
  databaseUrl: string;
  temporalAddress: string;
  workflowBundlePath: string;
}

export function spawnCrashingWorker(stack: CrashingWorkerStack, taskQueue: string, crashAfter: string, extraEnv: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('test/fixtures/crashing-worker.ts')], {
    env: { ...process.env, DATABASE_URL: stack.databaseUrl, TEMPORAL_ADDRESS: stack.temporalAddress, WORKFLOW_BUNDLE: stack.workflowBundlePath, TASK_QUEUE: taskQueue, CRASH_AFTER: crashAfter, ...extraEnv },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  const ready = new Promise<void>((resolve) =>
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
      if (out.includes('ready')) resolve();
    }),
  );
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
  return { ready, exited, output: () => out, kill: () => child.kill('SIGKILL') };
}
