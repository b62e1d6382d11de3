// A local voice-AI vendor (ElevenLabs-style) speaking the same HTTP: an outbound call answers
// its conversation_id at once, "talks" for callDelayMs, then POSTs the signed post-call webhook
// (a deterministic interview transcript, or a call_initiation_failure) to webhookUrl. The
// control surface on /_sim/ (and the returned object) queues outcomes, holds, duplicates and
// re-delivers webhooks (also with a bad signature or an old timestamp), and lists the calls.
import type { IncomingMessage } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { VOICE_SIGNATURE_HEADER } from './interface.js';
import { DEFAULT_OUTBOUND_CALL_PATH } from './client.js';
import { outboundCallBodySchema } from './schemas.js';
import { signVoiceWebhook } from './signatures.js';
import { CALL_OUTCOMES, conversationView, endCall, newCall, type QueuedOutcome, type SimCall } from './simulator-state.js';
import { constantTimeEqual } from '../lib/constant-time.js';
import { BodyError, findRoute, readJson, replyHandler, type Reply, type Route } from '../lib/sim-http.js';
import { startSimServer } from '../lib/sim-server.js';
import { postWebhook, WEBHOOK_TIMEOUT_MS, withRetries, type DeliveryAttempts } from '../lib/webhook-poster.js';

export type { CallOutcome, QueuedOutcome, SimCall } from './simulator-state.js';

export interface VoiceSimulatorOptions {
  /** Default 0: the OS picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** The xi-api-key every request must carry. */
  apiKey: string;
  /** Signs every webhook (ElevenLabs-Signature). */
  webhookSecret: string;
  /** Where webhooks go; without it they are held until deliver({ url }). */
  webhookUrl?: string;
  /** How long a call lasts before its webhook. Default 200 ms. */
  callDelayMs?: number;
  /** Default /v1/convai/twilio/outbound-call. */
  outboundCallPath?: string;
  /** Agent ids it knows (others get 404); absent means any. */
  agentIds?: string[];
}

export interface DeliverOptions {
  /** Sign with another secret: the receiver must refuse it. */
  badSignature?: boolean;
  /** Shift the signature's t= (e.g. -3600: an hour old, past the 30-minute window). */
  timestampOffsetSeconds?: number;
  /** Override webhookUrl. */
  url?: string;
  /** Send it this many times in a row (the same bytes). Default 1. */
  duplicates?: number;
  /** Retries of a failed POST, with backoff. Default 0 (the vendor does not retry). */
  retries?: number;
}

export interface VoiceDelivery extends DeliveryAttempts {
  conversationId: string;
  type: string;
  /** The receiver's HTTP status, or null when it did not answer. */
  status: number | null;
  /** The t= it was signed with. */
  signedAt: number;
}

export interface VoiceSimulator {
  /** The client's baseUrl (the origin; the client adds the paths). */
  baseUrl: string;
  origin: string;
  port: number;
  /** Outcomes for the next calls, first queued first used (a toNumber one only for that number). */
  queueOutcome(outcome: QueuedOutcome | QueuedOutcome[]): void;
  calls(filter?: { toNumber?: string }): SimCall[];
  call(conversationId: string): SimCall;
  /** (Re)sends the ended call's webhook now. */
  deliver(conversationId: string, opts?: DeliverOptions): Promise<VoiceDelivery[]>;
  deliveries(): VoiceDelivery[];
  /** Resolves when every call under way has ended and its automatic webhooks were sent. */
  settled(): Promise<void>;
  /** Forgets calls, queued outcomes and deliveries (calls under way are cut short). */
  reset(): void;
  close(): Promise<void>;
}

class SimError extends Error {
  constructor(
    readonly status: number,
    readonly detail: unknown,
  ) {
    super(typeof detail === 'string' ? detail : JSON.stringify(detail));
  }
}
const vendorError = (status: number, code: string, message: string) => new SimError(status, { status: code, message });

const queuedSchema = z.strictObject({
  outcome: z.enum(CALL_OUTCOMES as [string, ...string[]]).optional(),
  duplicate: z.boolean().optional(),
  deliver: z.boolean().optional(),
  callDelayMs: z.number().int().min(0).max(600_000).optional(),
  toNumber: z.string().regex(/^\+[1-9]\d{6,14}$/).optional(),
});
const outcomesBodySchema = z.union([queuedSchema.transform((q) => [q]), z.strictObject({ outcomes: z.array(queuedSchema).min(1).max(1_000) }).transform((b) => b.outcomes)]);
const deliverBodySchema = z.strictObject({
  badSignature: z.boolean().optional(),
  timestampOffsetSeconds: z.number().int().min(-86_400 * 30).max(86_400 * 30).optional(),
  url: z.url().optional(),
  duplicates: z.number().int().min(1).max(100).optional(),
  retries: z.number().int().min(0).max(10).optional(),
});

function parseControl<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  throw new SimError(400, parsed.error.issues.map((i) => ({ loc: ['body', ...i.path.map(String)], msg: i.message, type: i.code })));
}

export async function startVoiceSimulator(opts: VoiceSimulatorOptions): Promise<VoiceSimulator> {
  const outboundPath = opts.outboundCallPath ?? DEFAULT_OUTBOUND_CALL_PATH;
  const agents = opts.agentIds ? new Set(opts.agentIds) : null;
  const calls = new Map<string, SimCall>();
  let queue: QueuedOutcome[] = [];
  const log: VoiceDelivery[] = [];
  const inFlight = new Set<Promise<unknown>>();
  let generation = new AbortController();
  const closing = new AbortController();
  const track = (p: Promise<unknown>) => {
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
  };

  function get(conversationId: string): SimCall {
    const call = calls.get(conversationId);
    if (!call) throw vendorError(404, 'conversation_not_found', `Conversation ${conversationId} not found`);
    return call;
  }

  async function deliver(conversationId: string, d: DeliverOptions = {}): Promise<VoiceDelivery[]> {
    const call = get(conversationId);
    if (!call.webhook) throw vendorError(409, 'call_in_progress', `Conversation ${conversationId} has not ended yet`);
    const url = d.url ?? opts.webhookUrl;
    if (!url) throw vendorError(400, 'no_webhook_url', 'No webhook URL: start the simulator with webhookUrl or pass url');
    const t = Math.floor(Date.now() / 1000) + (d.timestampOffsetSeconds ?? 0);
    const signature = signVoiceWebhook(d.badSignature ? `${opts.webhookSecret}-not` : opts.webhookSecret, call.webhook.raw, t);
    const out: VoiceDelivery[] = [];
    for (let i = 0; i < Math.max(1, d.duplicates ?? 1); i++) {
      const result = await postWebhook({
        url,
        body: call.webhook.raw,
        headers: { 'Content-Type': 'application/json', 'User-Agent': 'ElevenLabs-Webhooks (simulator)', [VOICE_SIGNATURE_HEADER]: signature },
        timeoutMs: WEBHOOK_TIMEOUT_MS,
        retry: withRetries(d.retries),
        signal: closing.signal,
      });
      const delivery = { conversationId, type: call.webhook.type, url, signedAt: t, ...result };
      out.push(delivery);
      log.push(delivery);
    }
    return out;
  }

  function play(call: SimCall, delayMs: number) {
    const signal = generation.signal;
    track(
      sleep(Math.min(50, delayMs), undefined, { signal })
        .then(() => {
          if (call.outcome === 'completed') call.status = 'in-progress';
          return sleep(Math.max(0, delayMs - 50), undefined, { signal });
        })
        .then(async () => {
          endCall(call, Date.now());
          if (call.autoDeliver && opts.webhookUrl) await deliver(call.conversationId, { duplicates: call.duplicate ? 2 : 1 });
        })
        .catch(() => {}),
    );
  }

  function takeOutcome(toNumber: string): QueuedOutcome {
    const i = queue.findIndex((q) => !q.toNumber || q.toNumber === toNumber);
    return i < 0 ? {} : queue.splice(i, 1)[0]!;
  }

  async function outbound(req: IncomingMessage): Promise<Reply> {
    authorize(req);
    const parsed = outboundCallBodySchema.safeParse(await readJson(req));
    if (!parsed.success) throw new SimError(422, parsed.error.issues.map((i) => ({ loc: ['body', ...i.path.map(String)], msg: i.message, type: i.code })));
    const body = parsed.data;
    if (agents && !agents.has(body.agent_id)) throw vendorError(404, 'agent_not_found', `Agent ${body.agent_id} not found`);
    const queued = takeOutcome(body.to_number);
    if (queued.outcome === 'refused') return { status: 200, body: { success: false, message: `Failed to initiate call to ${body.to_number}`, conversation_id: null, callSid: null } };
    const call = newCall(body, queued);
    calls.set(call.conversationId, call);
    play(call, queued.callDelayMs ?? opts.callDelayMs ?? 200);
    return { status: 200, body: { success: true, message: 'Success', conversation_id: call.conversationId, callSid: call.callSid } };
  }

  function authorize(req: IncomingMessage) {
    const key = req.headers['xi-api-key'];
    if (typeof key !== 'string' || !constantTimeEqual(key, opts.apiKey)) throw vendorError(401, 'invalid_api_key', 'Invalid API key');
  }

  const queueOutcome = (input: QueuedOutcome | QueuedOutcome[]) => {
    queue.push(...(Array.isArray(input) ? input : [input]).map((q) => parseControl(queuedSchema, q) as QueuedOutcome));
  };
  const list = (filter: { toNumber?: string } = {}) => [...calls.values()].filter((c) => !filter.toNumber || c.toNumber === filter.toNumber).map((c) => ({ ...c }));
  const reset = () => {
    generation.abort();
    generation = new AbortController();
    calls.clear();
    queue = [];
    log.length = 0;
  };

  type Handler = (req: IncomingMessage, params: string[]) => Reply | Promise<Reply>;
  const routes: Route<Handler>[] = [
    ['POST', new RegExp(`^${outboundPath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`), (req) => outbound(req)],
    [
      'GET',
      /^\/v1\/convai\/conversations\/([^/]+)$/,
      (req, [id]) => {
        authorize(req);
        return { status: 200, body: conversationView(get(id!)) };
      },
    ],
    [
      'POST',
      /^\/_sim\/outcomes$/,
      async (req) => {
        const outcomes = parseControl(outcomesBodySchema, await readJson(req));
        queue.push(...(outcomes as QueuedOutcome[]));
        return { status: 201, body: { queued: outcomes.length, pending: queue.length } };
      },
    ],
    ['GET', /^\/_sim\/outcomes$/, () => ({ status: 200, body: { outcomes: queue } })],
    ['GET', /^\/_sim\/calls$/, () => ({ status: 200, body: { calls: list() } })],
    ['GET', /^\/_sim\/calls\/([^/]+)$/, (_req, [id]) => ({ status: 200, body: get(id!) })],
    ['POST', /^\/_sim\/conversations\/([^/]+)\/deliver$/, async (req, [id]) => ({ status: 200, body: { deliveries: await deliver(id!, parseControl(deliverBodySchema, await readJson(req))) } })],
    ['GET', /^\/_sim\/deliveries$/, () => ({ status: 200, body: { deliveries: log } })],
    ['DELETE', /^\/_sim\/?$/, () => (reset(), { status: 204 })],
  ];

  const errorReply = (err: SimError): Reply => ({ status: err.status, body: { detail: err.detail } });
  const handler = replyHandler(
    async (req) => {
      const url = new URL(req.url ?? '/', 'http://sim');
      const route = findRoute(routes, req.method, url.pathname);
      if (!route) throw new SimError(404, 'Not Found');
      return route.handler(req, route.params);
    },
    {
      name: 'voice simulator',
      errorReply(err) {
        if (err instanceof SimError) return errorReply(err);
        if (err instanceof BodyError) return errorReply(err.status === 400 ? new SimError(422, [{ loc: ['body'], msg: 'JSON decode error', type: 'json_invalid' }]) : new SimError(413, err.message));
        return null;
      },
      internalError: () => errorReply(vendorError(500, 'internal_error', 'Internal server error')),
    },
  );
  const server = await startSimServer(handler, { port: opts.port, host: opts.host });

  return {
    baseUrl: server.origin,
    origin: server.origin,
    port: server.port,
    queueOutcome,
    calls: list,
    call: (id) => ({ ...get(id) }),
    deliver,
    deliveries: () => [...log],
    async settled() {
      while (inFlight.size) await Promise.allSettled([...inFlight]);
    },
    reset,
    async close() {
      generation.abort();
      closing.abort();
      await Promise.allSettled([...inFlight]);
      await server.close();
    },
  };
}
