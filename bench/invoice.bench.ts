// GST invoicing, three ways, each next to a baseline measured in the same run:
//   1. an application fee paid over HTTP (order → checkout verify → capture → PAID with its
//      invoice and PDF stored) against a no-op workflow, interleaved;
//   2. issueInvoice (payment row lock, gapless serial from the year's invoice_series row, audit
//      row) with 20 in flight against a one-row update transaction with 20 in flight;
//   3. drawing the invoice PDF (pdf-lib) against a one-line pdf-lib page.
// Every run checks itself: all fees PAID with an invoice, and the serials have no gap.
import { randomUUID } from 'node:crypto';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { invoiceDocument } from '../services/finance/documents.js';
import { renderInvoicePdf } from '../services/finance/invoice-pdf.js';
import { issueInvoice } from '../services/finance/invoices.js';
import { startPaymentBench } from './lib/payment-stack.js';
import { temporalLabel } from './lib/environment.js';
import { summarize, table } from './lib/stats.js';
import { timedNoop } from './lib/timed.js';

const N = Number(process.env.BENCH_N ?? 60);
const INVOICES = Number(process.env.BENCH_INVOICES ?? 400);
const IN_FLIGHT = 20;
const WARM = 10;
const bench = await startPaymentBench('invoice');
const { taskQueue, deps } = bench;
const { db, temporal, jwt } = deps;

const batch = await db.batch.create({ data: { code: `BENCH-${randomUUID().slice(0, 8)}`, name: 'Bench cohort', status: 'UPCOMING', enrollmentFee: '50000.00' } });

/** An APPROVED application of a new student, and that student's headers. */
async function approvedApplication() {
  const user = await db.user.create({ data: { email: `student-${randomUUID()}@bench.local`, name: 'Student', role: 'USER' } });
  const app = await db.application.create({ data: { userId: user.id, batchId: batch.id, status: 'APPROVED', name: user.name!, email: user.email, feePaise: 5_000_000, submittedAt: new Date(), reviewedAt: new Date() } });
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${await jwt.sign({ sub: user.id, role: 'USER', pwd: 0 })}` };
  return { id: app.id, headers };
}

async function payFee(): Promise<number> {
  const { id, headers } = await approvedApplication();
  return bench.payApplicationFee(id, headers);
}

const noop = () => timedNoop(temporal, taskQueue);

/** Runs `task` over `items` with `width` in flight; per-item latencies and the wall time. */
async function inFlight<T>(items: T[], width: number, task: (item: T) => Promise<unknown>) {
  const latencies: number[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const item = items[next++]!;
        const s = performance.now();
        await task(item);
        latencies.push(performance.now() - s);
      }
    }),
  );
  return { latencies, seconds: (performance.now() - t0) / 1000 };
}

async function capturedPayments(n: number) {
  const ids = Array.from({ length: n }, () => randomUUID());
  await db.globalPayment.createMany({
    data: ids.map((id) => ({ id, purpose: 'manual', razorpayOrderId: `order_${id.replaceAll('-', '').slice(0, 14)}`, amountPaise: 11_800, taxableValuePaise: 10_000, cgstPaise: 900, sgstPaise: 900, placeOfSupplyCode: '29', status: 'CAPTURED' as const, paidAt: new Date() })),
  });
  return ids;
}

async function onePagePdf() {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  pdf.addPage([595.28, 841.89]).drawText('Tax invoice', { x: 40, y: 800, size: 12, font });
  return pdf.save();
}

try {
  // 1. The whole fee payment over HTTP, interleaved with a no-op workflow.
  for (let i = 0; i < WARM; i++) await Promise.all([payFee(), noop()]);
  const fees: number[] = [];
  const noops: number[] = [];
  for (let i = 0; i < N; i++) {
    fees.push(await payFee());
    noops.push(await noop());
  }
  const f = summarize(fees);
  const n = summarize(noops);
  const paid = await db.application.count({ where: { batchId: batch.id, status: 'PAID' } });
  const invoiced = await db.globalPayment.count({ where: { purpose: 'application', invoiceNumber: { not: null }, invoiceS3Key: { not: null } } });

  // 2. Issuing invoices with 20 in flight (one shared serial row) against one-row updates.
  const invoiceIds = await capturedPayments(INVOICES);
  const baselineIds = await capturedPayments(INVOICES);
  const at = new Date('2031-07-01T06:00:00Z'); // a financial year no other case touches
  const plain = await inFlight(baselineIds, IN_FLIGHT, (id) => db.$transaction((tx) => tx.globalPayment.update({ where: { id }, data: { invoiceIssuedAt: at } })));
  const issued = await inFlight(invoiceIds, IN_FLIGHT, (id) => issueInvoice({ db }, id, at));
  const serials = (await db.globalPayment.findMany({ where: { financialYear: '2031-32' }, select: { invoiceSerial: true } })).map((p) => p.invoiceSerial!).sort((a, b) => a - b);
  const gapless = serials.length === INVOICES && serials.every((s, i) => s === i + 1);

  // 3. The PDF alone, against a one-line page from the same library.
  const feePayment = await db.globalPayment.findFirstOrThrow({ where: { purpose: 'application', invoiceNumber: { not: null } }, select: { id: true } });
  const doc = (await invoiceDocument(db, undefined, feePayment.id)).doc;
  for (let i = 0; i < 20; i++) await Promise.all([renderInvoicePdf(doc), onePagePdf()]);
  const pdfs: number[] = [];
  const pages: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 200; i++) {
    let t = performance.now();
    bytes = (await renderInvoicePdf(doc)).byteLength;
    pdfs.push(performance.now() - t);
    t = performance.now();
    await onePagePdf();
    pages.push(performance.now() - t);
  }
  const p = summarize(pdfs);
  const o = summarize(pages);

  console.log(`\n1. Application fee over HTTP (${N} each after ${WARM} warm-up; Razorpay and S3 simulators, ${temporalLabel(bench.temporalKind)}, 2 cores)\n`);
  console.log(
    table([
      ['noop workflow start→complete (baseline)', n],
      ['POST payment → pay → POST verify → PAID, invoice + PDF stored', f],
    ]),
  );
  console.log(`\nratio fee / noop: p50 ${(f.p50 / n.p50).toFixed(2)}×, p95 ${(f.p95 / n.p95).toFixed(2)}×`);
  console.log(`applications PAID: ${paid}, invoiced with a PDF: ${invoiced} (both must be ${N + WARM})`);

  const iu = summarize(issued.latencies);
  const pu = summarize(plain.latencies);
  console.log(`\n2. ${INVOICES} transactions, ${IN_FLIGHT} in flight\n`);
  console.log(
    table([
      ['one-row update transaction (baseline)', pu],
      ['issueInvoice: lock, next serial, number, audit row', iu],
    ]),
  );
  const rate = (r: { seconds: number }) => INVOICES / r.seconds;
  console.log(`\nthroughput: ${rate(issued).toFixed(0)} invoices/s vs ${rate(plain).toFixed(0)} updates/s (${(rate(issued) / rate(plain)).toFixed(2)}×); p50 ratio ${(iu.p50 / pu.p50).toFixed(2)}×`);
  console.log(`serials 1..${INVOICES} with no gap or duplicate: ${gapless}`);

  console.log(`\n3. PDF drawing (200 each, one core)\n`);
  console.log(
    table([
      ['one-line pdf-lib page (baseline)', o],
      [`program-fee invoice PDF (${doc.lines.length} line, ${bytes} bytes)`, p],
    ]),
  );
  console.log(`\nratio invoice / one-line page: p50 ${(p.p50 / o.p50).toFixed(2)}×`);
  if (paid !== N + WARM || invoiced !== N + WARM || !gapless) process.exitCode = 1;
} finally {
  await bench.close();
}
