// A local WhatsApp Cloud API speaking the same HTTP as graph.facebook.com for template sends,
// in memory, so the real client runs in dev and tests. The control surface (sent messages,
// faults, status webhooks) is on /_sim/… over HTTP and on the returned object.
import type { IncomingMessage } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { DELIVERY_STATUSES, type DeliveryStatus, type SendBody } from './interface.js';
import { templateSendBodySchema, textSendBodySchema } from './schemas.js';
import { constantTimeEqual } from './signatures.js';
import {
  deliverOne,
  faultError,
  newWamid,
  simError,
  SimError,
  statusWebhooks,
  WHATSAPP_WEBHOOK_RETRY,
  type DeliverOptions,
  type Delivery,
  type FaultKind,
  type SimMessage,
} from './simulator-state.js';
import { BodyError, firstIssue, readJson, replyHandler, type Reply } from '../lib/sim-http.js';
import { startSimServer } from '../lib/sim-server.js';
import { withRetries, type RetryPolicy } from '../lib/webhook-poster.js';

export type { DeliverOptions, Delivery, FaultKind, SimMessage } from './simulator-state.js';

export interface WhatsAppSimulatorOptions {
  /** Default 0: the OS picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  phoneNumberId: string;
  token: string;
  appSecret: string;
  /** Approved template names; absent means any name is accepted. */
  templates?: string[];
  /** Where deliverStatuses() posts unless told otherwise. */
  webhookUrl?: string;
  /** Post these statuses to webhookUrl after every accepted send (the dev stack's choice). */
  autoStatuses?: DeliveryStatus[];
  /** Wait this long after a send before the automatic statuses (the sender stores the wamid first). Default 500. */
  autoDelayMs?: number;
  /** How automatic status webhooks retry a failed POST. Default WHATSAPP_WEBHOOK_RETRY. */
  webhookRetry?: RetryPolicy;
  wabaId?: string;
  displayPhoneNumber?: string;
  /** More business numbers (staff users' own), each with its own token. */
  numbers?: SimNumber[];
}

export interface SimNumber {
  phoneNumberId: string;
  token: string;
  displayPhoneNumber?: string;
  verifiedName?: string;
}

export interface WhatsAppSimulator {
  /** The client's baseUrl: http://host:port (the client adds /v21.0/{phone_number_id}/messages). */
  baseUrl: string;
  /** Same as baseUrl; the control API is under /_sim/. */
  origin: string;
  port: number;
  /** Accepted sends, oldest first. */
  messages(filter?: { to?: string }): SimMessage[];
  /** The next `count` sends answer this fault instead of sending. */
  failNext(count: number, kind: FaultKind, status?: number): void;
  /** Posts the message's status webhooks, signed, in the order (and copies) asked for. */
  deliverStatuses(opts: DeliverOptions): Promise<Delivery[]>;
  /** Every delivery attempt so far, manual and automatic. */
  deliveries(): readonly Delivery[];
  /** Registers another business number and its token (GET /{id} and sends then accept them). */
  addNumber(n: SimNumber): void;
  close(): Promise<void>;
}

const faultBodySchema = z.strictObject({
  count: z.number().int().min(0).max(1000),
  kind: z.enum(['rate_limit', 'invalid_number', 'server_error']),
  status: z.number().int().min(400).max(599).optional(),
});
const deliverBodySchema = z.strictObject({
  message_id: z.string().min(1),
  statuses: z.array(z.enum(DELIVERY_STATUSES as [DeliveryStatus, ...DeliveryStatus[]])).min(1).optional(),
  error: z.object({ code: z.number().int(), title: z.string() }).optional(),
  duplicates: z.number().int().min(1).max(100).optional(),
  out_of_order: z.boolean().optional(),
  url: z.url().optional(),
  retries: z.number().int().min(0).max(10).optional(),
});

export async function startWhatsAppSimulator(opts: WhatsAppSimulatorOptions): Promise<WhatsAppSimulator> {
  const templates = opts.templates ? new Set(opts.templates) : null;
  const wabaId = opts.wabaId ?? '100000000000000';
  const displayPhoneNumber = opts.displayPhoneNumber ?? '15550000000';
  const sent: SimMessage[] = [];
  const byId = new Map<string, SimMessage>();
  const log: Delivery[] = [];
  const inFlight = new Set<Promise<unknown>>();
  // Closing gives up pending retries instead of waiting them out.
  const closing = new AbortController();
  let faults: { remaining: number; kind: FaultKind; status?: number } = { remaining: 0, kind: 'server_error' };
  const numbers = new Map<string, SimNumber>([[opts.phoneNumberId, { phoneNumberId: opts.phoneNumberId, token: opts.token, displayPhoneNumber }]]);
  for (const n of opts.numbers ?? []) numbers.set(n.phoneNumberId, n);

  /** The number a request names, checked against its Bearer token (a wrong token is Meta's 190). */
  function authorised(phoneNumberId: string, req: IncomingMessage, verb: string): SimNumber {
    const auth = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '');
    const n = numbers.get(phoneNumberId);
    if (!auth || (n ? !constantTimeEqual(auth[1]!, n.token) : ![...numbers.values()].some((x) => constantTimeEqual(auth[1]!, x.token)))) throw simError(401, 190, 'Invalid OAuth access token - Cannot parse access token');
    if (!n) {
      throw simError(400, 100, `Unsupported ${verb} request. Object with ID '${phoneNumberId}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`, { type: 'GraphMethodException' });
    }
    return n;
  }

  async function deliverStatuses(d: DeliverOptions, retry = withRetries(d.retries)): Promise<Delivery[]> {
    const url = d.url ?? opts.webhookUrl;
    if (!url) throw simError(400, 100, 'No webhook URL: start the simulator with webhookUrl or pass url');
    const msg = byId.get(d.messageId);
    if (!msg) throw simError(404, 100, `No message ${d.messageId}`);
    const hooks = statusWebhooks(msg, { statuses: d.statuses ?? ['sent', 'delivered', 'read'], error: d.error, wabaId, displayPhoneNumber });
    const ordered = d.outOfOrder ? [...hooks].reverse() : hooks;
    const times = Math.max(1, Math.floor(d.duplicates ?? 1));
    const out: Delivery[] = [];
    for (const hook of ordered) {
      for (let i = 0; i < times; i++) out.push(await deliverOne(msg.id, hook, { url, appSecret: opts.appSecret, retry, signal: closing.signal }));
    }
    log.push(...out);
    return out;
  }

  function autoDeliver(msg: SimMessage) {
    if (!opts.autoStatuses?.length || !opts.webhookUrl) return;
    const p = sleep(opts.autoDelayMs ?? 500)
      .then(() => deliverStatuses({ messageId: msg.id, statuses: opts.autoStatuses! }, opts.webhookRetry ?? WHATSAPP_WEBHOOK_RETRY))
      .catch(() => [])
      .finally(() => inFlight.delete(p));
    inFlight.add(p);
  }

  function send(apiVersion: string, phoneNumberId: string, body: unknown, req: IncomingMessage): Reply {
    authorised(phoneNumberId, req, 'post');
    if (faults.remaining > 0) {
      faults.remaining -= 1;
      throw faultError(faults.kind, faults.status);
    }
    const isText = typeof body === 'object' && body !== null && (body as { type?: unknown }).type === 'text';
    const parsed = isText ? textSendBodySchema.safeParse(body) : templateSendBodySchema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw simError(400, 100, '(#100) Invalid parameter', { details: `${issue.path.join('.') || '(root)'}: ${issue.message}` });
    }
    const msgBody: SendBody = parsed.data;
    if (msgBody.type === 'template' && templates && !templates.has(msgBody.template.name)) {
      throw simError(404, 132001, '(#132001) Template name does not exist in the translation', { details: `template name (${msgBody.template.name}) does not exist in ${msgBody.template.language.code}` });
    }
    const msg: SimMessage = { id: newWamid(), waId: msgBody.to, phoneNumberId, apiVersion, body: body as SendBody, receivedAt: new Date().toISOString() };
    sent.push(msg);
    byId.set(msg.id, msg);
    autoDeliver(msg);
    return { status: 200, body: { messaging_product: 'whatsapp', contacts: [{ input: msgBody.to, wa_id: msg.waId }], messages: [{ id: msg.id, message_status: 'accepted' }] } };
  }

  const messages = (filter: { to?: string } = {}) => sent.filter((m) => !filter.to || m.body.to === filter.to.replace(/^\+/, ''));

  async function answer(req: IncomingMessage): Promise<Reply> {
    const url = new URL(req.url ?? '/', 'http://sim');
    const path = url.pathname;
    const api = /^\/(v\d+\.0)\/([^/]+)\/messages$/.exec(path);
    if (api && req.method === 'POST') return send(api[1]!, decodeURIComponent(api[2]!), await readJson(req), req);
    const node = /^\/(v\d+\.0)\/([^/_][^/]*)$/.exec(path);
    if (node && req.method === 'GET') {
      const n = authorised(decodeURIComponent(node[2]!), req, 'get');
      return { status: 200, body: { id: n.phoneNumberId, display_phone_number: n.displayPhoneNumber ?? displayPhoneNumber, verified_name: n.verifiedName ?? 'MAS', quality_rating: 'GREEN' } };
    }
    if (path === '/_sim/messages' && req.method === 'GET') return { status: 200, body: { messages: messages({ to: url.searchParams.get('to') ?? undefined }) } };
    if (path === '/_sim/faults' && req.method === 'POST') {
      const b = parseControl(faultBodySchema, await readJson(req));
      faults = { remaining: b.count, kind: b.kind, status: b.status };
      return { status: 200, body: { armed: b.count, kind: b.kind } };
    }
    if (path === '/_sim/webhooks/deliver' && req.method === 'POST') {
      const b = parseControl(deliverBodySchema, await readJson(req));
      const deliveries = await deliverStatuses({ messageId: b.message_id, statuses: b.statuses, error: b.error, duplicates: b.duplicates, outOfOrder: b.out_of_order, url: b.url, retries: b.retries });
      return { status: 200, body: { deliveries } };
    }
    if (path === '/_sim/webhooks/deliveries' && req.method === 'GET') return { status: 200, body: { deliveries: log } };
    throw simError(404, 100, `Unknown path components: ${path}`, { type: 'OAuthException' });
  }

  const errorBody = (err: SimError): Reply => ({ status: err.status, body: { error: err.body } });
  const handler = replyHandler(answer, {
    name: 'whatsapp simulator',
    errorReply(err) {
      if (err instanceof SimError) return errorBody(err);
      if (err instanceof BodyError) return errorBody(simError(err.status, 100, err.status === 400 ? `(#100) ${err.message}` : err.message));
      return null;
    },
    internalError: () => errorBody(faultError('server_error')),
  });
  const { port, origin, close } = await startSimServer(handler, { port: opts.port, host: opts.host });

  return {
    baseUrl: origin,
    origin,
    port,
    messages,
    failNext(count, kind, status) {
      faults = { remaining: count, kind, status };
    },
    deliverStatuses,
    deliveries: () => [...log],
    addNumber(n) {
      numbers.set(n.phoneNumberId, n);
    },
    async close() {
      closing.abort();
      await Promise.allSettled([...inFlight]);
      await close();
    },
  };
}

function parseControl<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  throw simError(400, 100, firstIssue(parsed.error));
}
