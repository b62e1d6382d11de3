// Runs test/fixtures/crashing-worker.ts in a child process: a worker on the given task queue
// that SIGKILLs itself right after the named activity committed.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { inject } from 'vitest';

export function runCrashingWorker(taskQueue: string, crashAfter: string, razorpayBaseUrl?: string, extraEnv: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('test/fixtures/crashing-worker.ts')], {
    env: {
      ...process.env,
      DATABASE_URL: inject('databaseUrl'),
      TEMPORAL_ADDRESS: inject('temporalAddress'),
      WORKFLOW_BUNDLE: inject('workflowBundlePath'),
      TASK_QUEUE: taskQueue,
      CRASH_AFTER: crashAfter,
      ...(razorpayBaseUrl ? { RAZORPAY_BASE_URL: razorpayBaseUrl } : {}),
      ...extraEnv,
    },
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
