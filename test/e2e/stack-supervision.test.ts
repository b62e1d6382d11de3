// `npm start` supervises its children: SIGKILL the Temporal dev server under a running stack
// and the supervisor restarts it on the same SQLite file, so a CRM delay that began before the
// kill still completes. The stack runs on its own ports, data dir and database.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomInt, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createPrisma } from '../../infra/prisma.js';
import { freePort } from '../../scripts/lib/free-port.js';
import { withDatabaseName } from '../../scripts/lib/postgres.js';
import { createOrUpdateUser } from '../../scripts/lib/staff-user.js';
import { until } from '../support/poll.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dbName = `mas_stack_${Date.now().toString(36)}_${randomUUID().slice(0, 6)}`;
const adminUrl = withDatabaseName(inject('databaseUrl'), 'postgres');
const databaseUrl = withDatabaseName(inject('databaseUrl'), dbName);
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mas-stack-'));

let stack: ChildProcess;
let output = '';
let apiUrl = '';
let temporalPort = '';
/** Pids of this stack's Temporal dev server, found by its unique port (not by the stack's log). */
function temporalPids(): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        const argv = readFileSync(`/proc/${d}/cmdline`, 'utf8').split('\0');
        return argv.includes('start-dev') && argv[argv.indexOf('--port') + 1] === temporalPort;
      } catch {
        return false;
      }
    })
    .map(Number);
}
const pids = () => [...output.matchAll(/\[stack\] (\S+) (?:re)?started \(pid (\d+)\)/g)].map((m) => ({ name: m[1]!, pid: Number(m[2]) }));
const latestPid = (name: string) => pids().filter((p) => p.name === name).at(-1)?.pid;

async function sql(url: string, text: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  await sql(adminUrl, `CREATE DATABASE "${dbName}"`);
  const ports = Object.fromEntries(
    await Promise.all(
      ['PORT', 'TEMPORAL_DEV_PORT', 'TEMPORAL_UI_PORT', 'RAZORPAY_SIM_PORT', 'S3_SIM_PORT', 'WHATSAPP_SIM_PORT', 'EMAIL_SIM_SMTP_PORT', 'EMAIL_SIM_HTTP_PORT', 'EXOTEL_SIM_PORT', 'GOOGLE_SIM_PORT', 'LLM_SIM_PORT', 'VOICE_SIM_PORT', 'LEEGALITY_SIM_PORT'].map(async (k) => [k, String(await freePort())]),
    ),
  ) as Record<string, string>;
  apiUrl = `http://127.0.0.1:${ports.PORT}`;
  temporalPort = ports.TEMPORAL_DEV_PORT!;
  const env: NodeJS.ProcessEnv = { ...process.env, ...ports, DATABASE_URL: databaseUrl, STACK_DATA_DIR: dataDir, LOG_LEVEL: 'warn', STACK_RESTART_INITIAL_DELAY_MS: '200' };
  delete env.TEMPORAL_ADDRESS;
  stack = spawn(process.execPath, [path.join(root, 'scripts/start.mjs')], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  stack.stdout!.on('data', (b: Buffer) => (output += b.toString()));
  stack.stderr!.on('data', (b: Buffer) => (output += b.toString()));
  await until(
    () => fetch(`${apiUrl}/api/health`).then((r) => r.status, () => 0),
    (s) => s === 200 || stack.exitCode !== null,
    120_000,
    250,
  );
  if (stack.exitCode !== null) throw new Error(`the stack exited:\n${output}`);
}, 180_000);

afterAll(async () => {
  if (stack && stack.exitCode === null) {
    const exited = new Promise((r) => stack.once('exit', r));
    stack.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 30_000))]);
  }
  // Anything the stack left behind (only processes it reported starting, or our dev server).
  for (const pid of [...pids().map((p) => p.pid), ...temporalPids()]) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  await sql(adminUrl, `DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch(() => {});
  rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

async function api<T>(token: string, method: string, p: string, body?: unknown, status = 200): Promise<T> {
  const res = await fetch(`${apiUrl}${p}`, { method, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const json = (await res.json()) as T;
  if (res.status !== status) throw new Error(`${method} ${p}: expected ${status}, got ${res.status}: ${JSON.stringify(json)}`);
  return json;
}

describe('npm start supervision', () => {
  it('restarts a SIGKILLed Temporal dev server, and a CRM delay begun before the kill completes', async () => {
    const db = createPrisma(databaseUrl, 2);
    const email = `ops-${randomUUID().slice(0, 8)}@mas.test`;
    const { password } = await createOrUpdateUser(db, { email, role: 'SUPERADMIN' });
    await db.$disconnect();
    const login = await fetch(`${apiUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
    expect(login.status).toBe(200);
    const { accessToken: token } = (await login.json()) as { accessToken: string };

    const chain = [
      { id: 't', type: 'trigger.manual' },
      { id: 'wait', type: 'delay.duration', seconds: 6 },
      { id: 'set', type: 'action.update_field', field: 'city', value: 'Restarted' },
      { id: 'e', type: 'end' },
    ];
    const definition = { nodes: chain, edges: chain.slice(1).map((n, i) => ({ from: chain[i]!.id, to: n.id })) };
    const wf = await api<{ id: string }>(token, 'POST', '/api/crm/workflows', { name: `Supervised ${randomUUID().slice(0, 6)}`, definition }, 201);
    await api(token, 'POST', `/api/crm/workflows/${wf.id}/publish`, { changeNote: 'v1' }, 201);
    const lead = await api<{ id: string }>(token, 'POST', '/api/crm/leads', { name: 'Delayed Lead', phone: `9${randomInt(100_000_000, 999_999_999)}`, sourceType: 'manual' }, 201);
    const enrolled = await api<{ results: { result: string; enrollmentId: string }[] }>(token, 'POST', `/api/crm/workflows/${wf.id}/enrollments`, { leadIds: [lead.id] });
    const enrollmentId = enrolled.results[0]!.enrollmentId;
    type Enrollment = { status: string; live: { currentNodeId: string } | null };
    const getEnrollment = () => api<Enrollment>(token, 'GET', `/api/crm/enrollments/${enrollmentId}`);
    await until(getEnrollment, (e) => e.live?.currentNodeId === 'wait', 20_000, 200);

    const [victim, ...others] = temporalPids();
    expect(victim).toBeGreaterThan(0);
    expect(others).toEqual([]);
    process.kill(victim!, 'SIGKILL');

    const done = await until(getEnrollment, (e) => e.status === 'COMPLETED', 45_000, 500).catch((err: Error) => {
      throw new Error(`${err.message}\n--- stack output ---\n${output.slice(-4000)}`);
    });
    expect(done.status).toBe('COMPLETED');
    const check = createPrisma(databaseUrl, 1);
    expect((await check.rawLead.findUniqueOrThrow({ where: { id: lead.id } })).city).toBe('Restarted');
    await check.$disconnect();
    // The supervisor said what it did, and the rest of the stack never went down.
    expect(output).toMatch(/\[stack\] temporal exited \(SIGKILL\) after [\d.]+ s; restarting in/);
    expect(latestPid('temporal')).not.toBe(victim);
    expect(temporalPids()).toEqual([latestPid('temporal')]);
    expect(output).not.toMatch(/stopping the stack/);
  }, 120_000);
});
