// The baseline every workflow bench measures next to itself: a no-op workflow's start→complete.
import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';

export async function timedNoop(temporal: Client, taskQueue: string): Promise<number> {
  const t0 = performance.now();
  await temporal.workflow.execute('noop', { taskQueue, workflowId: `bench-noop/${randomUUID()}` });
  return performance.now() - t0;
}
