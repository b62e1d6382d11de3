// Readiness: probes the database and Temporal in parallel, each with a deadline.
import type { ServiceDeps } from '../deps.js';

async function probe(fn: () => Promise<unknown>, timeoutMs: number) {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      fn(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
      }),
    ]);
    return { ok: true, latencyMs: Math.round((performance.now() - started) * 100) / 100 };
  } catch (err) {
    return {
      ok: false,
      latencyMs: Math.round((performance.now() - started) * 100) / 100,
      error: (err as Error).message === 'timeout' ? 'timeout' : 'unreachable',
    };
  } finally {
    clearTimeout(timer);
  }
}

// Concurrent probes share one check, and a result is reused for HEALTH_CACHE_MS, so a burst
// of health requests costs one database round trip and one Temporal call.
const HEALTH_CACHE_MS = 1_000;
const recent = new WeakMap<ServiceDeps, { at: number; result: ReturnType<typeof runChecks> }>();

export function checkHealth(deps: ServiceDeps) {
  const hit = recent.get(deps);
  if (hit && performance.now() - hit.at < HEALTH_CACHE_MS) return hit.result;
  const result = runChecks(deps);
  recent.set(deps, { at: performance.now(), result });
  return result;
}

function runChecks(deps: ServiceDeps) {
  const timeoutMs = deps.config.healthTimeoutMs ?? 2_000;
  return Promise.all([
    probe(() => deps.db.$queryRaw`SELECT 1`, timeoutMs),
    probe(
      () => deps.temporal.connection.withDeadline(Date.now() + timeoutMs, () => deps.temporal.workflowService.getSystemInfo({})),
      timeoutMs,
    ),
  ]);
}
