// A PAP instalment paid over HTTP until the agreement is COMPLETED (order → checkout verify →
// capture → the instalment PAID and invoiced by payment/pap-instalment/… → the PAP run told →
// COMPLETED and ended), next to two baselines measured in the same run, interleaved: a no-op
// workflow's start→complete, and a plain application fee paid over HTTP (the same payment
// workflow without the PAP run). Every run checks itself: each agreement COMPLETED, each
// instalment PAID with its invoice.
import { randomUUID } from 'node:crypto';
import { startPapRun } from '../services/pap/pap.starter.js';
import { startPaymentBench } from './lib/payment-stack.js';
import { temporalLabel } from './lib/environment.js';
import { summarize, table } from './lib/stats.js';
import { timedNoop } from './lib/timed.js';

const N = Number(process.env.BENCH_N ?? 40);
const WARM = 8;
const bench = await startPaymentBench('pap-collection');
const { taskQueue, deps, sim, base } = bench;
const { db, temporal, jwt } = deps;

const batch = await db.batch.create({ data: { code: `BENCH-PAP-${randomUUID().slice(0, 8)}`, name: 'Bench PAP cohort', status: 'ACTIVE', enrollmentFee: '50000.00' } });

async function student() {
  const user = await db.user.create({ data: { email: `student-${randomUUID()}@bench.local`, name: 'Student', role: 'USER' } });
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${await jwt.sign({ sub: user.id, role: 'USER', pwd: 0 })}` };
  return { user, headers };
}

/** An agreement collecting one Rs. 45,000 instalment, its run started in PAYMENT_COLLECTION_PENDING. */
async function collectingAgreement() {
  const { user, headers } = await student();
  const app = await db.application.create({ data: { userId: user.id, batchId: batch.id, status: 'ENROLLED', name: user.name!, email: user.email, feePaise: 5_000_000 } });
  const pap = await db.mas101PapWorkflow.create({
    data: { applicationId: app.id, userId: user.id, batchId: batch.id, status: 'PAYMENT_COLLECTION_PENDING', paymentOption: 'PAP', collectionAmountPaise: 4_500_000, instalments: { create: { seq: 1, amountPaise: 4_500_000, dueAt: new Date(Date.now() + 30 * 86_400_000) } } },
  });
  await startPapRun({ temporal, config: { taskQueue } }, { id: pap.id, applicationId: app.id, userId: user.id, batchId: batch.id, status: 'PAYMENT_COLLECTION_PENDING', batchCode: batch.code });
  return { papId: pap.id, headers };
}

async function payInstalment(): Promise<number> {
  const { papId, headers } = await collectingAgreement();
  const t0 = performance.now();
  const res = await fetch(`${base}/api/pap/${papId}/instalments/1/payment`, { method: 'POST', headers, body: '{}' });
  if (res.status !== 201) throw new Error(`instalment payment ${res.status}: ${await res.text()}`);
  const { checkout } = (await res.json()) as { checkout: { order_id: string } };
  const paid = sim.pay(checkout.order_id, { outcome: 'captured' });
  await fetch(`${base}/api/pap/${papId}/instalments/1/payment/verify`, { method: 'POST', headers, body: JSON.stringify(paid) });
  const end = await temporal.workflow.getHandle(`pap/${papId}`).result();
  if (end !== 'COMPLETED') throw new Error(`the agreement ended ${String(end)}`);
  return performance.now() - t0;
}

async function payFee(): Promise<number> {
  const { user, headers } = await student();
  const app = await db.application.create({ data: { userId: user.id, batchId: batch.id, status: 'APPROVED', name: user.name!, email: user.email, feePaise: 4_500_000, submittedAt: new Date(), reviewedAt: new Date() } });
  return bench.payApplicationFee(app.id, headers);
}

const noop = () => timedNoop(temporal, taskQueue);

try {
  for (let i = 0; i < WARM; i++) {
    await payInstalment();
    await payFee();
    await noop();
  }
  const inst: number[] = [];
  const fees: number[] = [];
  const noops: number[] = [];
  for (let i = 0; i < N; i++) {
    inst.push(await payInstalment());
    fees.push(await payFee());
    noops.push(await noop());
  }
  const s = summarize(inst);
  const f = summarize(fees);
  const n = summarize(noops);
  const completed = await db.mas101PapWorkflow.count({ where: { batchId: batch.id, status: 'COMPLETED' } });
  const invoiced = await db.mas101PapInstalment.count({ where: { papWorkflow: { batchId: batch.id }, status: 'PAID', globalPaymentId: { not: null } } });
  console.log(`\nPAP instalment over HTTP (${N} each after ${WARM} warm-up, interleaved; Razorpay and S3 simulators, ${temporalLabel(bench.temporalKind)}, 2 cores)\n`);
  console.log(
    table([
      ['noop workflow start→complete (baseline)', n],
      ['application fee: POST payment → pay → verify → PAID, invoice + PDF (baseline)', f],
      ['PAP instalment: POST payment → pay → verify → invoiced → agreement COMPLETED', s],
    ]),
  );
  console.log(`\nratio instalment / noop: p50 ${(s.p50 / n.p50).toFixed(2)}×, p95 ${(s.p95 / n.p95).toFixed(2)}×`);
  console.log(`ratio instalment / application fee: p50 ${(s.p50 / f.p50).toFixed(2)}×, p95 ${(s.p95 / f.p95).toFixed(2)}×`);
  console.log(`agreements COMPLETED: ${completed}, instalments PAID with a payment: ${invoiced} (both must be ${N + WARM})`);
  if (completed !== N + WARM || invoiced !== N + WARM) process.exitCode = 1;
} finally {
  await bench.close();
}
