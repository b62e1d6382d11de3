// A local Leegality speaking the same HTTP as app1.leegality.com/api (sign request, document
// details, fetchDocument behind X-Auth-Token), in memory, so the real client runs in dev and
// tests. Signing is acted out on the returned object or over HTTP under /_sim/ (for curl):
// sign (renders the signed PDF and audit trail, then posts the webhook with its MAC, retried 3
// times on a non-2xx as Leegality does), expire, reject, and hand-made deliveries with a bad
// MAC, a duplicate or an Error webhook.
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { AUTH_TOKEN_HEADER, type DocumentStatus, type DownloadType, type WebhookType } from './interface.js';
import { closeInvitations, completeDocument, detailsOf, fileOf, newDocument, signRequestBodySchema, SimError, simError, webhookBody, type SimDocument } from './simulator-state.js';
import { constantTimeEqual } from '../lib/constant-time.js';
import { BodyError, findRoute, firstIssue, headerValue, ok, readJson, replyHandler, type Reply, type Route } from '../lib/sim-http.js';
import { startSimServer } from '../lib/sim-server.js';
import { postWebhook, WEBHOOK_TIMEOUT_MS, withRetries, type DeliveryAttempts, type RetryPolicy } from '../lib/webhook-poster.js';

export type { SimDocument, SimInvitation } from './simulator-state.js';

/** Leegality retries a webhook the receiver does not answer 2xx three times; compressed to seconds. */
export const LEEGALITY_WEBHOOK_RETRY: RetryPolicy = { retries: 3, baseDelayMs: 500, maxDelayMs: 2_000 };

export interface LeegalitySimulatorOptions {
  /** Default 0: the OS picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  authToken: string;
  privateSalt: string;
  /** Where sign() and reject() post their webhook, and deliverWebhook() unless told otherwise. */
  webhookUrl?: string;
  /** How sign()/reject() webhooks retry a non-2xx. Default LEEGALITY_WEBHOOK_RETRY. */
  webhookRetry?: RetryPolicy;
  /** Largest API request body (the base64 PDF). Default 20 MiB. */
  maxBodyBytes?: number;
}

export interface DeliverOptions {
  /** Default Success. */
  type?: WebhookType;
  /** Send a MAC that does not verify. */
  badMac?: boolean;
  /** Send the same bytes twice. */
  duplicate?: boolean;
  /** Override the simulator's webhookUrl. */
  url?: string;
  /** Retries of a non-2xx answer. Default 0: exactly what was asked. */
  retries?: number;
}

export interface Delivery extends DeliveryAttempts {
  documentId: string;
  webhookType: WebhookType;
  documentStatus: DocumentStatus;
  badMac: boolean;
  /** The receiver's last HTTP status, or null when it did not answer. */
  httpStatus: number | null;
}

export type FaultStatus = 500 | 503 | 429;

export interface LeegalitySimulator {
  /** The client's baseUrl: http://host:port/api. */
  baseUrl: string;
  /** http://host:port; the control API is under /_sim/. */
  origin: string;
  port: number;
  /** Every open invitation signs; the document completes and its webhook (Success, Completed) is posted. */
  sign(documentId: string): Promise<Delivery[]>;
  /** The open invitations expire (no webhook: Leegality sends none; read the details). */
  expire(documentId: string): Promise<void>;
  /** The invitee rejects; an Error webhook is posted. */
  reject(documentId: string): Promise<Delivery[]>;
  /** Posts the document's webhook as asked (bad MAC, duplicate, Error). */
  deliverWebhook(documentId: string, opts?: DeliverOptions): Promise<Delivery[]>;
  /** The next `count` API calls answer `status` instead of doing anything. */
  failNext(count: number, status?: FaultStatus): void;
  /** Accepted documents, oldest first (live objects: do not change them). */
  documents(): readonly SimDocument[];
  /** Every webhook delivery so far. */
  deliveries(): readonly Delivery[];
  close(): Promise<void>;
}

const deliverBodySchema = z.strictObject({
  type: z.enum(['Success', 'Error']).optional(),
  bad_mac: z.boolean().optional(),
  duplicate: z.boolean().optional(),
  url: z.url().max(2000).optional(),
  retries: z.number().int().min(0).max(10).optional(),
});
const faultBodySchema = z.strictObject({ count: z.number().int().min(0).max(1000), status: z.union([z.literal(500), z.literal(503), z.literal(429)]).default(500) });

interface Ctx {
  url: URL;
  req: IncomingMessage;
  params: string[];
}
type Handler = (ctx: Ctx) => Promise<Reply> | Reply;

export async function startLeegalitySimulator(opts: LeegalitySimulatorOptions): Promise<LeegalitySimulator> {
  const docs = new Map<string, SimDocument>();
  const log: Delivery[] = [];
  const closing = new AbortController();
  let faults = { remaining: 0, status: 500 as FaultStatus };
  let origin = '';
  const maxBodyBytes = opts.maxBodyBytes ?? 20 * 1024 * 1024;

  const apiDoc = (documentId: string | null): SimDocument => {
    const doc = documentId ? docs.get(documentId) : undefined;
    if (!doc) throw simError(200, 'DOCUMENT_NOT_FOUND', `No document with documentId ${documentId ?? '(none)'}`);
    return doc;
  };
  const controlDoc = (documentId: string): SimDocument => {
    const doc = docs.get(documentId);
    if (!doc) throw simError(404, 'DOCUMENT_NOT_FOUND', `No document ${documentId}`);
    return doc;
  };

  async function deliverWebhook(documentId: string, d: DeliverOptions = {}, retry: RetryPolicy = withRetries(d.retries)): Promise<Delivery[]> {
    const doc = controlDoc(documentId);
    const url = d.url ?? opts.webhookUrl;
    if (!url) throw simError(400, 'NO_WEBHOOK_URL', 'No webhook URL: start the simulator with webhookUrl or pass url');
    const type = d.type ?? 'Success';
    const raw = webhookBody(doc, opts.privateSalt, { type, badMac: d.badMac });
    const out: Delivery[] = [];
    for (let i = 0; i < (d.duplicate ? 2 : 1); i++) {
      const { status, ...rest } = await postWebhook({
        url,
        body: raw,
        headers: { 'Content-Type': 'application/json', 'User-Agent': 'Leegality-Webhook (simulator)' },
        timeoutMs: WEBHOOK_TIMEOUT_MS,
        retry,
        signal: closing.signal,
      });
      out.push({ documentId, webhookType: type, documentStatus: doc.status, badMac: d.badMac ?? false, url, httpStatus: status, ...rest });
    }
    log.push(...out);
    return out;
  }

  const automatic = (documentId: string, type: WebhookType) => (opts.webhookUrl ? deliverWebhook(documentId, { type }, opts.webhookRetry ?? LEEGALITY_WEBHOOK_RETRY) : Promise.resolve([]));

  const sim = {
    async sign(documentId: string) {
      await completeDocument(controlDoc(documentId));
      return automatic(documentId, 'Success');
    },
    async expire(documentId: string) {
      closeInvitations(controlDoc(documentId), 'expired');
    },
    async reject(documentId: string) {
      closeInvitations(controlDoc(documentId), 'rejected');
      return automatic(documentId, 'Error');
    },
    deliverWebhook: (documentId: string, d?: DeliverOptions) => deliverWebhook(documentId, d),
  };

  const apiRoutes: Route<Handler>[] = [
    [
      'POST',
      /^\/api\/v3\.0\/sign\/request$/,
      async ({ req }) => {
        const parsed = signRequestBodySchema.safeParse(await readJson(req, maxBodyBytes));
        if (!parsed.success) throw simError(200, 'VALIDATION_ERROR', firstIssue(parsed.error));
        const doc = await newDocument(parsed.data, origin);
        docs.set(doc.documentId, doc);
        return ok({ status: 1, data: { documentId: doc.documentId, irn: doc.irn, invitees: doc.invitations.map((i) => ({ name: i.name, email: i.email, phone: i.phone, signUrl: i.signUrl })) }, messages: [] });
      },
    ],
    ['GET', /^\/api\/v3\.3\/document\/details$/, ({ url }) => ok({ status: 1, data: detailsOf(apiDoc(url.searchParams.get('documentId'))), messages: [] })],
    [
      'GET',
      /^\/api\/v3\.3\/document\/fetchDocument$/,
      ({ url }) => {
        const doc = apiDoc(url.searchParams.get('documentId'));
        const type = url.searchParams.get('documentDownloadType') ?? 'DOCUMENT';
        if (type !== 'DOCUMENT' && type !== 'AUDIT_TRAIL') throw simError(200, 'VALIDATION_ERROR', 'documentDownloadType must be DOCUMENT or AUDIT_TRAIL');
        return ok({ status: 1, data: { documentId: doc.documentId, documentDownloadType: type, file: Buffer.from(fileOf(doc, type as DownloadType)).toString('base64') }, messages: [] });
      },
    ],
  ];

  const controlRoutes: Route<Handler>[] = [
    ['GET', /^\/_sim\/documents$/, () => ok({ documents: [...docs.values()].map(view) })],
    ['GET', /^\/_sim\/documents\/([^/]+)$/, ({ params: [id] }) => ok(view(controlDoc(id!)))],
    ['POST', /^\/_sim\/documents\/([^/]+)\/sign$/, async ({ params: [id] }) => {
      const deliveries = await sim.sign(id!);
      return ok({ document: view(controlDoc(id!)), deliveries });
    }],
    ['POST', /^\/_sim\/documents\/([^/]+)\/expire$/, async ({ params: [id] }) => (await sim.expire(id!), ok({ document: view(controlDoc(id!)) }))],
    ['POST', /^\/_sim\/documents\/([^/]+)\/reject$/, async ({ params: [id] }) => {
      const deliveries = await sim.reject(id!);
      return ok({ document: view(controlDoc(id!)), deliveries });
    }],
    [
      'POST',
      /^\/_sim\/documents\/([^/]+)\/deliver$/,
      async ({ params: [id], req }) => {
        const b = parseControl(deliverBodySchema, await readJson(req));
        return ok({ deliveries: await deliverWebhook(id!, { type: b.type, badMac: b.bad_mac, duplicate: b.duplicate, url: b.url, retries: b.retries }) });
      },
    ],
    ['GET', /^\/_sim\/webhooks\/deliveries$/, () => ok({ deliveries: log })],
    [
      'POST',
      /^\/_sim\/faults$/,
      async ({ req }) => {
        const b = parseControl(faultBodySchema, await readJson(req));
        faults = { remaining: b.count, status: b.status };
        return ok({ armed: b.count, status: b.status });
      },
    ],
    // What the signUrl opens: a page saying how to act the signing out.
    [
      'GET',
      /^\/sign\/([^/]+)\/(\d+)\/[^/]+$/,
      ({ params: [id] }) => {
        const doc = controlDoc(id!);
        return { status: 200, contentType: 'text/html; charset=utf-8', body: `<!doctype html><title>Leegality simulator</title><p>Document ${escapeHtml(doc.documentId)} (${escapeHtml(doc.fileName)}) is ${doc.status}.</p><p>To sign: <code>curl -X POST ${escapeHtml(origin)}/_sim/documents/${escapeHtml(doc.documentId)}/sign</code></p>` };
      },
    ],
  ];

  async function answer(req: IncomingMessage): Promise<Reply> {
    const url = new URL(req.url ?? '/', 'http://sim');
    const isApi = url.pathname.startsWith('/api/');
    if (isApi) {
      if (faults.remaining > 0) {
        faults.remaining -= 1;
        throw simError(faults.status, faults.status === 429 ? 'RATE_LIMITED' : 'INTERNAL_ERROR', faults.status === 429 ? 'Too many requests' : 'Something went wrong');
      }
      const token = headerValue(req, AUTH_TOKEN_HEADER);
      if (!token || !constantTimeEqual(token, opts.authToken)) throw simError(401, 'UNAUTHORIZED', 'Invalid or missing X-Auth-Token');
    }
    const route = findRoute(isApi ? apiRoutes : controlRoutes, req.method, url.pathname);
    if (!route) throw simError(404, 'NOT_FOUND', `No route ${req.method ?? ''} ${url.pathname}`);
    return route.handler({ url, req, params: route.params });
  }

  const errorBody = (err: SimError): Reply => ({ status: err.httpStatus, body: { status: 0, messages: err.messages, data: null } });
  const handler = replyHandler(answer, {
    name: 'leegality simulator',
    errorReply(err) {
      if (err instanceof SimError) return errorBody(err);
      if (err instanceof BodyError) return errorBody(simError(err.status, err.status === 413 ? 'FILE_TOO_LARGE' : 'INVALID_JSON', err.message));
      return null;
    },
    internalError: () => errorBody(simError(500, 'INTERNAL_ERROR', 'Something went wrong')),
  });
  const server = await startSimServer(handler, { port: opts.port, host: opts.host });
  origin = server.origin;

  return {
    baseUrl: `${origin}/api`,
    origin,
    port: server.port,
    ...sim,
    failNext(count, status = 500) {
      faults = { remaining: count, status };
    },
    documents: () => [...docs.values()],
    deliveries: () => [...log],
    async close() {
      closing.abort();
      await server.close();
    },
  };
}

/** A document as the control API shows it: no bytes, their sizes. */
function view(doc: SimDocument) {
  const { pdf, signedPdf, auditTrailPdf, ...rest } = doc;
  return { ...rest, pdfBytes: pdf.byteLength, signedPdfBytes: signedPdf?.byteLength ?? null, auditTrailPdfBytes: auditTrailPdf?.byteLength ?? null };
}

function parseControl<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  throw simError(400, 'VALIDATION_ERROR', firstIssue(parsed.error));
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
