// The real Leegality client against the simulator over HTTP: a sign request, its details, the
// download refused before signing, signing (the webhook lands with a MAC that verifies), the
// signed PDF and audit trail as real PDFs, auth and status-0 failures as LeegalityError, and
// webhook verification refusing bad MACs, tampered ids and malformed bodies.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../infra/env.js';
import { leegalityApiConfig } from '../../infra/leegality.js';
import { createLeegality, createLeegalityClient, LeegalityError, signLeegalityMac, verifyLeegalityWebhook, type LeegalityProvider } from '../../providers/leegality/index.js';
import { startLeegalitySimulator, type LeegalitySimulator } from '../../providers/leegality/simulator.js';

const AUTH_TOKEN = 'sim-leegality-token-0123456789';
const SALT = 'sim-leegality-private-salt-42';
const INVITEE = { name: 'Riya Sharma', email: 'riya@example.com', phone: '9876543210' };

let sim: LeegalitySimulator;
let leegality: LeegalityProvider;
let agreement: Uint8Array;
const received: { status: number; raw: string }[] = [];
/** Statuses the receiver answers in turn before 200s. */
const script: number[] = [];
let closeReceiver: () => Promise<void>;

async function pdfText(bytes: Uint8Array): Promise<{ text: string; pages: number }> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  try {
    const { text, totalPages } = await extractText(pdf, { mergePages: true });
    return { text, pages: totalPages };
  } finally {
    await pdf.destroy();
  }
}

async function rejection(p: Promise<unknown>): Promise<LeegalityError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(LeegalityError);
    return err as LeegalityError;
  }
  throw new Error('expected a rejection');
}

beforeAll(async () => {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const status = script.shift() ?? 200;
      received.push({ status, raw: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closeReceiver = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  const webhookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/webhooks/leegality`;
  sim = await startLeegalitySimulator({ authToken: AUTH_TOKEN, privateSalt: SALT, webhookUrl, webhookRetry: { retries: 3, baseDelayMs: 10, maxDelayMs: 20 } });
  leegality = createLeegality({ mode: 'sim', baseUrl: sim.baseUrl, authToken: AUTH_TOKEN, timeoutMs: 5_000 });
  const doc = await PDFDocument.create();
  const page = doc.addPage();
  page.drawText('PAP agreement between MAS and Riya Sharma', { x: 50, y: 700, size: 14, font: await doc.embedFont(StandardFonts.Helvetica) });
  agreement = await doc.save();
});

afterAll(async () => {
  await sim.close();
  await closeReceiver();
});

describe('Leegality client against the simulator', () => {
  it('creates, signs, delivers a verifiable webhook and serves the signed PDF and audit trail', async () => {
    const { documentId, signUrl } = await leegality.createSignRequest({ profileId: 'prof-pap', fileName: 'pap-agreement.pdf', pdf: agreement, invitee: INVITEE, irn: 'pap/wf-1' });
    expect(signUrl).toMatch(new RegExp(`^${sim.origin}/sign/${documentId}/0/`));
    expect(sim.documents().map((d) => [d.documentId, d.profileId, d.irn, d.invitations[0]!.email])).toEqual([[documentId, 'prof-pap', 'pap/wf-1', INVITEE.email]]);

    const sent = await leegality.documentDetails(documentId);
    expect(sent).toEqual({ documentId, irn: 'pap/wf-1', status: 'Sent', invitations: [{ ...INVITEE, signUrl, signed: false, expired: false, rejected: false }] });

    const early = await rejection(leegality.fetchDocument(documentId, 'DOCUMENT'));
    expect(early).toMatchObject({ code: 'DOCUMENT_NOT_COMPLETED', kind: 'client', retryable: false, provider: 'leegality' });

    script.push(500); // the receiver fails once: Leegality retries
    const deliveries = await sim.sign(documentId);
    expect(deliveries.map((d) => [d.webhookType, d.documentStatus, d.httpStatus, d.attempts])).toEqual([['Success', 'Completed', 200, 2]]);
    expect(received.map((r) => r.status)).toEqual([500, 200]);
    expect(received[1]!.raw).toBe(received[0]!.raw);
    const verified = verifyLeegalityWebhook(JSON.parse(received[1]!.raw), SALT);
    expect(verified).toEqual({ ok: true, event: { webhookType: 'Success', documentId, documentStatus: 'Completed', irn: 'pap/wf-1' } });
    expect(JSON.parse(received[1]!.raw).mac).toBe(signLeegalityMac(documentId, SALT));

    expect((await leegality.documentDetails(documentId)).invitations[0]).toMatchObject({ signed: true, signUrl: null });
    const signed = await pdfText(await leegality.fetchDocument(documentId, 'DOCUMENT'));
    expect(signed.pages).toBe(2);
    expect(signed.text).toContain('PAP agreement between MAS and Riya Sharma');
    expect(signed.text).toContain(`Signed by Riya Sharma <riya@example.com>`);
    const audit = await pdfText(await leegality.fetchDocument(documentId, 'AUDIT_TRAIL'));
    expect(audit.text).toContain('Audit Trail');
    expect(audit.text).toContain(documentId);
    expect(audit.text).toContain('Document completed');
  });

  it('maps a bad token, status 0, a 5xx and an unknown document to LeegalityError', async () => {
    const wrong = createLeegalityClient({ baseUrl: sim.baseUrl, authToken: 'not-the-token', timeoutMs: 5_000 });
    expect(await rejection(wrong.documentDetails('x'))).toMatchObject({ status: 401, code: 'UNAUTHORIZED', kind: 'client', retryable: false });
    const notPdf = await rejection(leegality.createSignRequest({ profileId: 'prof-pap', fileName: 'a.pdf', pdf: new TextEncoder().encode('not a pdf'), invitee: INVITEE, irn: 'pap/wf-2' }));
    expect(notPdf).toMatchObject({ status: 200, code: 'INVALID_FILE', kind: 'client', retryable: false });
    expect(notPdf.messages).toEqual([{ code: 'INVALID_FILE', message: 'The file is not a valid PDF' }]);
    expect(await rejection(leegality.documentDetails('no-such-document'))).toMatchObject({ code: 'DOCUMENT_NOT_FOUND', retryable: false });
    sim.failNext(1, 503);
    expect(await rejection(leegality.documentDetails('x'))).toMatchObject({ status: 503, kind: 'server', retryable: true });
    expect(await rejection(leegality.createSignRequest({ profileId: '', fileName: 'a.pdf', pdf: agreement, invitee: INVITEE, irn: 'x' }))).toMatchObject({ kind: 'invalid_request', retryable: false });
    expect(sim.documents()).toHaveLength(1);
  });

  it('rejection, expiry and hand-made webhooks (bad MAC, duplicate, Error) through the control API', async () => {
    const a = await leegality.createSignRequest({ profileId: 'prof-pap', fileName: 'pap.pdf', pdf: agreement, invitee: INVITEE, irn: 'pap/wf-3' });
    const b = await leegality.createSignRequest({ profileId: 'prof-pap', fileName: 'pap.pdf', pdf: agreement, invitee: INVITEE, irn: 'pap/wf-4' });
    received.length = 0;
    const expired = await fetch(`${sim.origin}/_sim/documents/${a.documentId}/expire`, { method: 'POST' });
    expect(await expired.json()).toMatchObject({ document: { status: 'Sent', invitations: [{ expired: true }] } });
    expect(received).toHaveLength(0);
    expect((await leegality.documentDetails(a.documentId)).invitations[0]).toMatchObject({ expired: true, signed: false });
    const refused = await fetch(`${sim.origin}/_sim/documents/${a.documentId}/sign`, { method: 'POST' });
    expect(await refused.json()).toMatchObject({ status: 0, messages: [{ code: 'INVITATION_CLOSED' }] });

    const rejected = await fetch(`${sim.origin}/_sim/documents/${b.documentId}/reject`, { method: 'POST' });
    expect(await rejected.json()).toMatchObject({ document: { invitations: [{ rejected: true }] }, deliveries: [{ webhookType: 'Error', httpStatus: 200 }] });
    expect((await leegality.documentDetails(b.documentId)).invitations[0]).toMatchObject({ rejected: true });
    expect(verifyLeegalityWebhook(received[0]!.raw, SALT)).toMatchObject({ ok: true, event: { webhookType: 'Error', documentStatus: 'Sent', documentId: b.documentId } });

    const c = await leegality.createSignRequest({ profileId: 'prof-pap', fileName: 'pap.pdf', pdf: agreement, invitee: INVITEE, irn: 'pap/wf-5' });
    const signed = await fetch(`${sim.origin}/_sim/documents/${c.documentId}/sign`, { method: 'POST' });
    expect(await signed.json()).toMatchObject({ document: { status: 'Completed', signedPdfBytes: expect.any(Number) }, deliveries: [{ webhookType: 'Success', documentStatus: 'Completed', httpStatus: 200 }] });
    received.splice(1); // keep the Error webhook of b only

    const res = await fetch(`${sim.origin}/_sim/documents/${b.documentId}/deliver`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ bad_mac: true, duplicate: true }) });
    expect(((await res.json()) as { deliveries: unknown[] }).deliveries).toHaveLength(2);
    expect(received).toHaveLength(3);
    expect(received[2]!.raw).toBe(received[1]!.raw);
    expect(verifyLeegalityWebhook(received[1]!.raw, SALT)).toEqual({ ok: false, reason: 'bad_mac' });
  });
});

describe('verifyLeegalityWebhook', () => {
  const body = { webhookType: 'Success', documentId: 'doc-1', documentStatus: 'Completed', irn: 'pap/wf-1', mac: signLeegalityMac('doc-1', SALT) };

  it('accepts the right MAC and refuses a tampered id, another salt, a short MAC and malformed bodies', () => {
    expect(verifyLeegalityWebhook(body, SALT)).toMatchObject({ ok: true });
    expect(verifyLeegalityWebhook({ ...body, documentId: 'doc-2' }, SALT)).toEqual({ ok: false, reason: 'bad_mac' });
    expect(verifyLeegalityWebhook(body, 'another-salt')).toEqual({ ok: false, reason: 'bad_mac' });
    expect(verifyLeegalityWebhook({ ...body, mac: body.mac.slice(0, 20) }, SALT)).toEqual({ ok: false, reason: 'bad_mac' });
    expect(verifyLeegalityWebhook({ ...body, mac: `${body.mac}00` }, SALT)).toEqual({ ok: false, reason: 'bad_mac' });
    expect(verifyLeegalityWebhook({ ...body, webhookType: 'Maybe' }, SALT)).toMatchObject({ ok: false, reason: 'malformed' });
    expect(verifyLeegalityWebhook({ ...body, documentId: 'x'.repeat(201) }, SALT)).toMatchObject({ ok: false, reason: 'malformed' });
    expect(verifyLeegalityWebhook('{not json', SALT)).toMatchObject({ ok: false, reason: 'malformed' });
  });
});

describe('configuration', () => {
  const base = { DATABASE_URL: 'postgresql://u:p@127.0.0.1:5432/x' };
  it('defaults to sim; live needs https and real credentials; production refuses sim', () => {
    const dev = loadConfig(base);
    expect([dev.LEEGALITY_MODE, dev.LEEGALITY_SIM_PORT]).toEqual(['sim', 4080]);
    expect(leegalityApiConfig(dev)).toEqual({ profileId: 'dev-leegality-profile', privateSalt: 'dev-leegality-private-salt' });
    expect(() => loadConfig({ ...base, LEEGALITY_MODE: 'live' })).toThrow(/LEEGALITY_AUTH_TOKEN/);
    const creds = { LEEGALITY_AUTH_TOKEN: 'real-token-0123', LEEGALITY_PRIVATE_SALT: 'real-salt-0123', LEEGALITY_PROFILE_ID: 'prof-1' };
    expect(() => loadConfig({ ...base, ...creds, LEEGALITY_MODE: 'live', LEEGALITY_BASE_URL: 'http://leegality.example' })).toThrow(/https/);
    expect(loadConfig({ ...base, ...creds, LEEGALITY_MODE: 'live' }).LEEGALITY_MODE).toBe('live');
    const prod = { ...base, NODE_ENV: 'production', MEETING_EVENTS_SECRET: 'prod-meeting-secret-0123', HR_CREDENTIALS_KEY: 'k', JWT_PRIVATE_KEY: 'k', JWT_PUBLIC_KEY: 'k' };
    expect(() => loadConfig(prod)).toThrow(/LEEGALITY_MODE=sim is for development/);
    expect(() => createLeegality({ mode: 'live', baseUrl: 'http://x', authToken: 't' })).toThrow(/https/);
    expect(() => createLeegality({ mode: 'sim', baseUrl: 'https://app1.leegality.com/api', authToken: 't' })).toThrow(/Leegality itself/);
  });
});
