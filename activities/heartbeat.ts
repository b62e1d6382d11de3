// Heartbeats every 3 s while a long step (an LLM call, a slow provider) runs, so a worker that
// dies mid-call is noticed within the heartbeat timeout, not the start-to-close.
import { Context } from '@temporalio/activity';

export async function heartbeating<T>(fn: () => Promise<T>): Promise<T> {
  const ctx = Context.current();
  const beat = setInterval(() => ctx.heartbeat(), 3_000);
  try {
    return await fn();
  } finally {
    clearInterval(beat);
  }
}
