// Booking under contention: many students, many slots, two attempts per slot, over HTTP.
// The api (Hono + Prisma, POST /api/slots/:id/book) next to a raw node:http + pg server doing
// the same transaction (lock slot, lock wallets, spend, confirm, ledger) and the same Temporal
// start of the booking-emails workflow after commit, in the same run.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { serve } from '@hono/node-server';
import { importSPKI, jwtVerify } from 'jose';
import pg from 'pg';
import { createApp } from '../api/app.js';
import { testJwtKeys } from '../test/support/stack.js';
import { startBenchEnvironment, temporalLabel } from './lib/environment.js';
import { summarize } from './lib/stats.js';

const SLOTS = Number(process.env.BENCH_SLOTS ?? 300);
const STUDENTS = 150;
const CONCURRENCY = 32;

const env = await startBenchEnvironment({ taskQueue: 'bench-booking', poolMax: 10 });
const { db, jwt } = env.deps;
const app = createApp(env.deps);

async function world(tag: string) {
  const mentor = await db.user.create({ data: { email: `m-${tag}@bench.local`, name: 'M', role: 'EXPERT' } });
  const start = Date.now() + 86_400_000;
  const slotIds = Array.from({ length: SLOTS }, () => randomUUID());
  await db.slot.createMany({
    data: slotIds.map((id, i) => ({ id, mentorId: mentor.id, startDateTime: new Date(start + i * 3_600_000), endDateTime: new Date(start + i * 3_600_000 + 1_800_000), priceTokens: 1 })),
  });
  const students = await Promise.all(
    Array.from({ length: STUDENTS }, async (_, i) => {
      const u = await db.user.create({ data: { email: `s-${tag}-${i}@bench.local`, name: 'S', token: { create: { balance: 3 } }, promotionalToken: { create: { balance: 0 } } } });
      return { id: u.id, token: await jwt.sign({ sub: u.id, role: 'USER', pwd: 0 }) };
    }),
  );
  // Two attempts per slot by different students, shuffled deterministically.
  const attempts = slotIds.flatMap((slotId, i) => [0, 1].map((k) => ({ slotId, student: students[(i * 2 + k) % STUDENTS]! })));
  return attempts.sort((a, b) => (a.slotId + a.student.id < b.slotId + b.student.id ? -1 : 1));
}

const pool = new pg.Pool({ connectionString: env.databaseUrl, max: 10 });
async function rawBook(slotId: string, studentId: string): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const slot = (await client.query('SELECT "status", "studentId", "mentorId", "priceTokens" FROM slots WHERE id = $1 FOR UPDATE', [slotId])).rows[0] as
      | { status: string; studentId: string | null; priceTokens: number }
      | undefined;
    if (!slot) return (await client.query('ROLLBACK'), 404);
    if (slot.status !== 'TENTATIVE' || slot.studentId) return (await client.query('ROLLBACK'), 409);
    const paid = (await client.query('SELECT balance FROM tokens WHERE "userId" = $1 FOR UPDATE', [studentId])).rows[0] as { balance: number };
    const promo = (await client.query('SELECT balance FROM promotional_tokens WHERE "userId" = $1 FOR UPDATE', [studentId])).rows[0] as { balance: number };
    if (paid.balance + promo.balance < slot.priceTokens) return (await client.query('ROLLBACK'), 402);
    const fromPromo = Math.min(promo.balance, slot.priceTokens);
    const fromPaid = slot.priceTokens - fromPromo;
    await client.query('UPDATE tokens SET balance = balance - $1, "lifetimeSpent" = "lifetimeSpent" + $1 WHERE "userId" = $2', [fromPaid, studentId]);
    if (fromPromo) await client.query('UPDATE promotional_tokens SET balance = balance - $1 WHERE "userId" = $2', [fromPromo, studentId]);
    await client.query(`UPDATE slots SET status = 'CONFIRMED', "studentId" = $1, "updatedAt" = now() WHERE id = $2`, [studentId, slotId]);
    await client.query(
      `INSERT INTO token_usage ("userId", "slotId", type, amount, "paidAmount", "promoAmount", "balanceAfter", "idempotencyKey") VALUES ($1, $2, 'BOOKING', $3, $4, $5, $6, $7)`,
      [studentId, slotId, -slot.priceTokens, fromPaid, fromPromo, paid.balance + promo.balance - slot.priceTokens, `booking:${slotId}`],
    );
    await client.query(`INSERT INTO meeting_logs ("slotId", "userId", event, "occurredAt", source) VALUES ($1, $2, 'SCHEDULED', now(), 'api')`, [slotId, studentId]);
    await client.query('COMMIT');
    // The same durable follow-up as the api: start the booking-emails workflow after commit.
    await env.deps.temporal.workflow.start('slotBookedNotification', {
      taskQueue: 'bench-booking',
      workflowId: `notify/slot-booked/${slotId}`,
      args: [{ slotId }],
      workflowIdConflictPolicy: 'USE_EXISTING',
    });
    return 200;
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  } finally {
    client.release();
  }
}
const publicKey = await importSPKI((await testJwtKeys()).publicKeyPem, 'EdDSA');
// The same authentication work as the api: verify the JWT, then check the user is active.
async function rawAuth(header: string | undefined): Promise<string | null> {
  try {
    const { payload } = await jwtVerify((header ?? '').slice(7), publicKey, { algorithms: ['EdDSA'], issuer: 'mas-platform', audience: 'mas-api' });
    const row = (await pool.query('SELECT "isActive" FROM users WHERE id = $1', [payload.sub])).rows[0] as { isActive: boolean } | undefined;
    return row?.isActive ? payload.sub! : null;
  } catch {
    return null;
  }
}
const raw = http.createServer((req, res) => {
  const m = /^\/api\/slots\/([0-9a-f-]{36})\/book$/.exec(req.url ?? '');
  if (!m) return void res.writeHead(404).end();
  void rawAuth(req.headers.authorization)
    .then((studentId) => (studentId ? rawBook(m[1]!, studentId) : 401))
    .then(
      (status) => res.writeHead(status, { 'content-type': 'application/json' }).end('{}'),
      () => res.writeHead(500).end(),
    );
});

async function run(base: string, attempts: Awaited<ReturnType<typeof world>>, headers: (s: { id: string; token: string }) => Record<string, string>) {
  const latencies: number[] = [];
  const codes = new Map<number, number>();
  let i = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (i < attempts.length) {
        const a = attempts[i++]!;
        const t = performance.now();
        const res = await fetch(`${base}/api/slots/${a.slotId}/book`, { method: 'POST', headers: headers(a.student) });
        await res.arrayBuffer();
        latencies.push(performance.now() - t);
        codes.set(res.status, (codes.get(res.status) ?? 0) + 1);
      }
    }),
  );
  return { rps: attempts.length / ((performance.now() - t0) / 1000), lat: summarize(latencies), codes: Object.fromEntries(codes) };
}

const honoServer = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as http.Server;
await new Promise((r) => honoServer.once('listening', r));
raw.listen(0, '127.0.0.1');
await new Promise((r) => raw.once('listening', r));
try {
  const apiWorld = await world(`api-${randomUUID().slice(0, 6)}`);
  const rawWorld = await world(`raw-${randomUUID().slice(0, 6)}`);
  const api = await run(`http://127.0.0.1:${(honoServer.address() as AddressInfo).port}`, apiWorld, (s) => ({ authorization: `Bearer ${s.token}` }));
  const base = await run(`http://127.0.0.1:${(raw.address() as AddressInfo).port}`, rawWorld, (s) => ({ authorization: `Bearer ${s.token}` }));
  console.log(`\nBooking under contention: ${SLOTS} slots × 2 attempts, ${STUDENTS} students with 3 tokens each, ${CONCURRENCY} in flight; ${temporalLabel(env.temporalKind)}\n`);
  console.log('| server | attempts/s | p50 | p99 | outcomes |');
  console.log('|---|---|---|---|---|');
  for (const [name, r] of [['api (Hono + Prisma)', api], ['raw node:http + pg', base]] as const) {
    console.log(`| ${name} | ${r.rps.toFixed(0)} | ${r.lat.p50.toFixed(1)} ms | ${r.lat.p99.toFixed(1)} ms | ${JSON.stringify(r.codes)} |`);
  }
  console.log(`\nratio api/raw: throughput ${(api.rps / base.rps).toFixed(2)}×, p99 ${(api.lat.p99 / base.lat.p99).toFixed(2)}×`);
  const booked = await db.slot.count({ where: { status: 'CONFIRMED', studentId: { not: null }, priceTokens: 1 } });
  const negative = await db.token.count({ where: { balance: { lt: 0 } } });
  console.log(`confirmed slots: ${booked} (each at most once), negative wallets: ${negative}`);
  if (negative) process.exitCode = 1;
} finally {
  honoServer.close();
  raw.close();
  await pool.end();
  await env.close();
}
