// Token purchase start → credited, next to a no-op workflow's start → complete on the same dev
// server in the same run. Real api over HTTP, real Razorpay client against the simulator.
import { randomUUID } from 'node:crypto';
import { workflowIds } from '../domain/ids.js';
import { startPaymentBench } from './lib/payment-stack.js';
import { temporalLabel } from './lib/environment.js';
import { summarize, table } from './lib/stats.js';

const N = Number(process.env.BENCH_N ?? 100);
const bench = await startPaymentBench('purchase');
const { taskQueue, deps, sim, base } = bench;
const { db, temporal, jwt } = deps;

const user = await db.user.create({ data: { email: `buyer-${randomUUID()}@bench.local`, name: 'Buyer', token: { create: {} }, promotionalToken: { create: {} } } });
const headers = { 'content-type': 'application/json', authorization: `Bearer ${await jwt.sign({ sub: user.id, role: 'USER', pwd: 0 })}` };

/** Polls the purchase row every 2 ms until the tokens are credited (what the buyer waits for). */
async function credited(purchaseId: string) {
  for (;;) {
    const row = await db.tokenPurchase.findUniqueOrThrow({ where: { id: purchaseId }, select: { status: true } });
    if (row.status === 'COMPLETED') return;
    await new Promise((r) => setTimeout(r, 2));
  }
}

const toCredit: number[] = [];
async function purchase(): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(`${base}/api/tokens/purchases`, { method: 'POST', headers, body: JSON.stringify({ packId: 'starter' }) });
  const { purchase: p, checkout } = (await res.json()) as { purchase: { id: string }; checkout: { order_id: string } };
  const paid = sim.pay(checkout.order_id, { outcome: 'captured' });
  await fetch(`${base}/api/tokens/purchases/${p.id}/verify`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ razorpay_payment_id: paid.razorpay_payment_id, razorpay_signature: paid.razorpay_signature }),
  });
  await credited(p.id);
  toCredit.push(performance.now() - t0);
  const outcome = await temporal.workflow.getHandle(workflowIds.tokenPurchase(p.id)).result();
  if (outcome.status !== 'COMPLETED') throw new Error(`purchase ended ${outcome.status}`);
  return performance.now() - t0;
}

async function noop(): Promise<number> {
  const t0 = performance.now();
  await temporal.workflow.execute('noop', { taskQueue, workflowId: `bench-noop/${randomUUID()}` });
  return performance.now() - t0;
}

try {
  for (let i = 0; i < 10; i++) await Promise.all([purchase(), noop()]);
  toCredit.length = 0;
  const buys: number[] = [];
  const noops: number[] = [];
  for (let i = 0; i < N; i++) {
    buys.push(await purchase());
    noops.push(await noop());
  }
  const b = summarize(buys);
  const n = summarize(noops);
  const c = summarize(toCredit);
  console.log(`\nToken purchase (${N} each; Razorpay simulator, ${temporalLabel(bench.temporalKind)}, 2 cores)\n`);
  console.log(
    table([
      ['noop workflow start→complete (baseline)', n],
      ['POST purchase → pay → POST verify → tokens credited', c],
      ['… → run complete (GST invoice issued, PDF stored)', b],
    ]),
  );
  console.log(`\nratio credited / noop: p50 ${(c.p50 / n.p50).toFixed(2)}×, p95 ${(c.p95 / n.p95).toFixed(2)}×`);
  console.log(`ratio run complete / noop: p50 ${(b.p50 / n.p50).toFixed(2)}×, p95 ${(b.p95 / n.p95).toFixed(2)}×`);
  const credited = await db.tokenUsage.count({ where: { userId: user.id, type: 'PURCHASE' } });
  console.log(`credits written: ${credited} for ${N + 10} purchases (must be equal)`);
  if (credited !== N + 10) process.exitCode = 1;
} finally {
  await bench.close();
}
