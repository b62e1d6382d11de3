// The dev stack's supervisor on real child processes: a killed child comes back, waits double
// per fast failure up to the cap, and after N fast failures in a row it gives up (once).
import { spawn, type ChildProcess } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { supervise, type RestartPolicy } from '../../scripts/lib/supervisor.js';
import { until } from '../support/poll.js';

const node = (code: string) => async () => spawn(process.execPath, ['-e', code], { stdio: 'ignore' });
const stop = (p: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (p.exitCode !== null || p.signalCode !== null) return resolve();
    p.once('exit', () => resolve());
    p.kill('SIGTERM');
  });

describe('supervise', () => {
  it('restarts a child that was killed, and stops it for good on stop()', async () => {
    const log: string[] = [];
    const policy: RestartPolicy = { initialDelayMs: 50, maxDelayMs: 1_000, fastFailureMs: 60_000, maxFastFailures: 5 };
    const child = await supervise({ name: 'sleeper', start: node('setInterval(() => {}, 1000)'), stop }, policy, { log: (m) => log.push(m), giveUp: () => log.push('gave up') });
    const first = child.current()!;
    first.kill('SIGKILL');
    const second = await until(async () => child.current(), (p) => p !== undefined && p !== first, 10_000, 20);
    expect(log.join('\n')).toMatch(/sleeper exited \(SIGKILL\) after [\d.]+ s; restarting in 0\.1 s \(fast failure 1 of 5\)/);
    expect(log.join('\n')).toMatch(new RegExp(`sleeper restarted \\(pid ${second!.pid}\\)`));
    await child.stop();
    expect(second!.signalCode).toBe('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    // Stopped on purpose: no restart, no give-up.
    expect(child.current()).toBeUndefined();
    expect(log.filter((l) => l.includes('restarted'))).toHaveLength(1);
    expect(log).not.toContain('gave up');
  });

  it('backs off doubling (capped) and gives up after N fast failures in a row', async () => {
    const log: string[] = [];
    const gaveUp: string[] = [];
    const policy: RestartPolicy = { initialDelayMs: 100, maxDelayMs: 300, fastFailureMs: 60_000, maxFastFailures: 4 };
    await supervise({ name: 'crasher', start: node('process.exit(3)'), stop }, policy, { log: (m) => log.push(m), giveUp: (_n, reason) => gaveUp.push(reason) });
    await until(async () => gaveUp.length, (n) => n > 0, 10_000, 20);
    await new Promise((r) => setTimeout(r, 300));
    expect(gaveUp).toHaveLength(1);
    expect(gaveUp[0]).toMatch(/crasher exited \(3\); it failed 4 times in a row/);
    expect(log.filter((l) => l.includes('restarting')).map((l) => /restarting in ([\d.]+) s/.exec(l)?.[1])).toEqual(['0.1', '0.2', '0.3']);
  });

  it('counts a child that ran past the fast-failure window as a fresh start', async () => {
    const log: string[] = [];
    const policy: RestartPolicy = { initialDelayMs: 20, maxDelayMs: 1_000, fastFailureMs: 100, maxFastFailures: 2 };
    const gaveUp: string[] = [];
    const child = await supervise({ name: 'slow', start: node('setTimeout(() => process.exit(1), 300)'), stop }, policy, { log: (m) => log.push(m), giveUp: (_n, r) => gaveUp.push(r) });
    await until(async () => log.filter((l) => l.includes('restarted')).length, (n) => n >= 2, 10_000, 20);
    expect(gaveUp).toEqual([]);
    expect(log.filter((l) => l.includes('restarting'))[0]).not.toMatch(/fast failure/);
    await child.stop();
  });
});
