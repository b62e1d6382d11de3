// GET /api/health and an authenticated GET /api/me on the real api (Hono on @hono/node-server,
// Prisma 7 over adapter-pg), next to a raw node:http + pg server doing the same SQL, the same
// Temporal call and the same JWT check, in the same run. Prints req/s, p99 and the ratios.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { importSPKI, jwtVerify } from 'jose';
import pg from 'pg';
import { createApp } from '../api/app.js';
import { hashPassword } from '../infra/auth/password.js';
import { testJwtKeys } from '../test/support/stack.js';
import { autocannon, type LoadResult } from './lib/autocannon.js';
import { startBenchEnvironment } from './lib/environment.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);

const env = await startBenchEnvironment({ taskQueue: 'bench-http', poolMax: 10 });
const { db, temporal, jwt } = env.deps;
const app = createApp(env.deps);

const user = await db.user.create({ data: { email: `bench-${Date.now()}@bench.local`, name: 'Bench', password: await hashPassword('bench-password-1'), platform: 'mr-mentor' } });
await db.token.create({ data: { userId: user.id, balance: 10 } });
await db.promotionalToken.create({ data: { userId: user.id, balance: 2 } });
const token = await jwt.sign({ sub: user.id, role: 'USER', pwd: 0 });

// The baseline: the same work with no framework and no ORM.
const pool = new pg.Pool({ connectionString: env.databaseUrl, max: 10 });
const publicKey = await importSPKI((await testJwtKeys()).publicKeyPem, 'EdDSA');
const send = (res: http.ServerResponse, status: number, body: unknown) => {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
};
// Same single-flight 1 s cache of the probe results as the api (api/routes/health).
let healthMemo: { at: number; result: Promise<[boolean, boolean]> } | undefined;
const probes = () => {
  if (!healthMemo || performance.now() - healthMemo.at >= 1_000) {
    healthMemo = {
      at: performance.now(),
      result: Promise.all([
        pool.query('SELECT 1').then(() => true, () => false),
        temporal.workflowService.getSystemInfo({}).then(() => true, () => false),
      ]),
    };
  }
  return healthMemo.result;
};
const raw = http.createServer((req, res) => {
  void (async () => {
    if (req.url === '/api/health') {
      const [dbOk, tOk] = await probes();
      return send(res, dbOk && tOk ? 200 : 503, { status: dbOk && tOk ? 'ok' : 'unavailable', db: { ok: dbOk }, temporal: { ok: tOk } });
    }
    if (req.url === '/api/me') {
      const auth = req.headers.authorization ?? '';
      let sub: string;
      let pwd: number;
      try {
        const { payload } = await jwtVerify(auth.slice(7), publicKey, { algorithms: ['EdDSA'], issuer: 'mas-platform', audience: 'mas-api' });
        sub = payload.sub!;
        pwd = payload.pwd as number;
      } catch {
        return send(res, 401, { title: 'Unauthenticated' });
      }
      const check = await pool.query('SELECT "isActive", "passwordChangedAt" FROM users WHERE id = $1', [sub]);
      const row = check.rows[0] as { isActive: boolean; passwordChangedAt: Date | null } | undefined;
      if (!row || !row.isActive || (row.passwordChangedAt?.getTime() ?? 0) !== pwd) return send(res, 401, { title: 'Unauthenticated' });
      const me = await pool.query(
        `SELECT u.id, u.email, u.name, u.phone, u.role, u.stage, u.platform, u."isActive", u."createdAt",
                t.balance, t."resumeBalance", p.balance AS promo
           FROM users u LEFT JOIN tokens t ON t."userId" = u.id LEFT JOIN promotional_tokens p ON p."userId" = u.id
          WHERE u.id = $1`,
        [sub],
      );
      const m = me.rows[0] as Record<string, unknown>;
      return send(res, 200, { ...m, wallet: { balance: m.balance, promotionalBalance: m.promo, resumeBalance: m.resumeBalance } });
    }
    return send(res, 404, {});
  })();
});

const listen = (server: http.Server) => new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
const honoServer = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as http.Server;
await new Promise((r) => honoServer.once('listening', r));
const honoPort = (honoServer.address() as AddressInfo).port;
const rawPort = await listen(raw);

const headers = { authorization: `Bearer ${token}` };
// Server CPU per request (process.cpuUsage over a run; both servers live in this process and only
// one is under load at a time) is printed beside it: it barely moves when a neighbour takes
// CPU, where req/s does. Note /api/me's database work runs in PostgreSQL, outside this figure.
// Rounds alternate api and raw, so a neighbour's burst of CPU lands on both sides; the ratio
// reported is the median of the per-round ratios.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** One load run, with the CPU this process (where both servers live) spent per request. */
async function measured(url: string, h: Record<string, string>): Promise<LoadResult & { cpuUs: number }> {
  const before = process.cpuUsage();
  const r = await autocannon(url, { seconds: SECONDS / ROUNDS, connections: CONNECTIONS, headers: h });
  const used = process.cpuUsage(before);
  return { ...r, cpuUs: (used.user + used.system) / Math.max(1, r.rps * (SECONDS / ROUNDS)) };
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const results: { name: string; api: (LoadResult & { cpuUs: number })[]; raw: (LoadResult & { cpuUs: number })[] }[] = [];
try {
  for (const [name, pathName, h] of [
    ['GET /api/health', '/api/health', {}],
    ['GET /api/me (JWT + 2 queries)', '/api/me', headers],
  ] as const) {
    // Warm both (JIT, pools, Prisma's query-plan cache), then measure them in alternating rounds.
    await autocannon(`http://127.0.0.1:${honoPort}${pathName}`, { seconds: 2, connections: CONNECTIONS, headers: h });
    await autocannon(`http://127.0.0.1:${rawPort}${pathName}`, { seconds: 2, connections: CONNECTIONS, headers: h });
    const row: (typeof results)[number] = { name, api: [], raw: [] };
    for (let i = 0; i < ROUNDS; i++) {
      row.api.push(await measured(`http://127.0.0.1:${honoPort}${pathName}`, h));
      row.raw.push(await measured(`http://127.0.0.1:${rawPort}${pathName}`, h));
    }
    results.push(row);
  }
  console.log(`\nHTTP endpoints: ${CONNECTIONS} connections, ${ROUNDS} alternating rounds of ${(SECONDS / ROUNDS).toFixed(1)} s per server, autocannon in its own process\n`);
  console.log('| endpoint | api req/s (median) | api p99 | raw node:http+pg req/s (median) | raw p99 | api/raw throughput (median of rounds) | per round | server CPU µs/req api / raw | raw/api CPU |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const { name, api, raw } of results) {
    const ratios = api.map((a, i) => a.rps / raw[i]!.rps);
    console.log(
      `| ${name} | ${median(api.map((a) => a.rps)).toFixed(0)} | ${median(api.map((a) => a.p99))} ms | ${median(raw.map((b) => b.rps)).toFixed(0)} | ${median(raw.map((b) => b.p99))} ms | ${median(ratios).toFixed(2)}× | ${ratios.map((r) => r.toFixed(2)).join(', ')} | ${median(api.map((a) => a.cpuUs)).toFixed(1)} / ${median(raw.map((b) => b.cpuUs)).toFixed(1)} | ${(median(raw.map((b) => b.cpuUs)) / median(api.map((a) => a.cpuUs))).toFixed(2)}× |`,
    );
    const bad = [...api, ...raw].filter((r) => r.errors || r.non2xx);
    if (bad.length) {
      console.log(`  (errors or non-2xx answers in ${bad.length} of the ${api.length + raw.length} runs)`);
      process.exitCode = 1;
    }
  }
} finally {
  honoServer.close();
  raw.close();
  await pool.end();
  await env.close();
}
