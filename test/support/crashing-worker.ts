// Runs test/fixtures/crashing-worker.ts in a child process against the suite's stack: a worker
// on the given task queue that SIGKILLs itself right after the named activity committed.
import { inject } from 'vitest';
import { spawnCrashingWorker } from './crashing-worker-process.js';

export function runCrashingWorker(taskQueue: string, crashAfter: string, razorpayBaseUrl?: string, extraEnv: Record<string, string> = {}) {
  const stack = { databaseUrl: inject('databaseUrl'), temporalAddress: inject('temporalAddress'), workflowBundlePath: inject('workflowBundlePath') };
  return spawnCrashingWorker(stack, taskQueue, crashAfter, { ...(razorpayBaseUrl ? { RAZORPAY_BASE_URL: razorpayBaseUrl } : {}), ...extraEnv });
}
