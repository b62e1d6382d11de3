// The simulator's HTTP face: Exotel's /v1/Accounts/<sid>/… `.json` routes behind Basic auth
// and the fault switch, and the /_sim control routes (act out a call, deliver its callbacks,
// faults), which Exotel has not.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { DeliverOptions, Delivery } from './simulator-callbacks.js';
import { ExotelSimError, simError, type EndOptions, type EndOutcome, type ExotelSimState } from './simulator-state.js';
import { basicAuthMatches, BodyError, findRoute, firstIssue, ok, readJson, readText, replyHandler, type Reply, type Route } from '../lib/sim-http.js';

export type FaultStatus = 500 | 429;

export interface SimContext {
  state: ExotelSimState;
  accountSid: string;
  apiKey: string;
  apiToken: string;
  takeFault(): { status: FaultStatus; retryAfterSeconds: number } | null;
  failNext(count: number, status: FaultStatus, retryAfterSeconds: number): void;
  deliverCallbacks(opts: DeliverOptions): Promise<Delivery[]>;
  deliveries(): readonly Delivery[];
}

type Handler = (ctx: SimContext, params: string[], req: IncomingMessage, url: URL) => Reply | Promise<Reply>;

const API_ROUTES: Route<Handler>[] = [
  ['POST', /^\/v1\/Accounts\/([^/]+)\/Calls\/connect\.json$/, async (c, _p, req) => ok({ Call: c.state.callView(c.state.connect(await readForm(req)), false) })],
  ['GET', /^\/v1\/Accounts\/([^/]+)\/Calls\/([^/]+)\.json$/, (c, [, sid], _req, url) => ok({ Call: c.state.callView(c.state.get(sid!), url.searchParams.get('details') === 'true') })],
  [
    'POST',
    /^\/v1\/Accounts\/([^/]+)\/Sms\/send\.json$/,
    async (c, _p, req) => {
      const sms = c.state.sendSms(await readForm(req));
      return ok({ SMSMessage: { Sid: sms.sid, AccountSid: c.accountSid, From: sms.from, To: sms.to, Body: sms.body, Status: sms.status, Direction: 'outbound-api', DateCreated: sms.createdAt.toISOString() } });
    },
  ],
];

const endBodySchema = z.strictObject({
  durationSeconds: z.number().int().min(0).max(14_400).optional(),
  talkSeconds: z.number().int().min(0).max(14_400).optional(),
  figuresDelayMs: z.number().int().min(0).max(3_600_000).optional(),
});

const deliverBodySchema = z.strictObject({
  events: z.array(z.enum(['terminal', 'answered'])).optional(),
  duplicates: z.number().int().min(1).max(100).optional(),
  outOfOrder: z.boolean().optional(),
  delayMs: z.number().int().min(0).max(60_000).optional(),
  url: z.url().optional(),
  override: z.record(z.string(), z.unknown()).optional(),
  retries: z.number().int().min(0).max(10).optional(),
});

const faultBodySchema = z.strictObject({
  count: z.number().int().min(0).max(1000),
  status: z.union([z.literal(500), z.literal(429)]).default(500),
  retryAfterSeconds: z.number().int().min(0).max(3600).default(1),
});

const ACT: Record<string, EndOutcome> = { complete: 'completed', fail: 'failed', busy: 'busy', 'no-answer': 'no-answer', cancel: 'canceled' };

const CONTROL_ROUTES: Route<Handler>[] = [
  [
    'GET',
    /^\/_sim\/calls$/,
    (c, _p, _req, url) => ok({ calls: c.state.list({ from: url.searchParams.get('from') ?? undefined, to: url.searchParams.get('to') ?? undefined }).map(controlView) }),
  ],
  ['GET', /^\/_sim\/calls\/([^/]+)$/, (c, [sid]) => ok(controlView(c.state.get(sid!)))],
  ['POST', /^\/_sim\/calls\/([^/]+)\/answer$/, (c, [sid]) => ok(controlView(c.state.answer(sid!)))],
  [
    'POST',
    /^\/_sim\/calls\/([^/]+)\/(complete|fail|busy|no-answer|cancel)$/,
    async (c, [sid, act], req) => ok(controlView(c.state.end(sid!, ACT[act!]!, parse(endBodySchema, await readJson(req)) as EndOptions))),
  ],
  [
    'POST',
    /^\/_sim\/calls\/([^/]+)\/callbacks\/deliver$/,
    async (c, [sid], req) => {
      const b = parse(deliverBodySchema, await readJson(req));
      c.state.get(sid!);
      return ok({ deliveries: await c.deliverCallbacks({ callSid: sid!, ...b }) });
    },
  ],
  ['GET', /^\/_sim\/callbacks\/deliveries$/, (c) => ok({ deliveries: c.deliveries() })],
  ['GET', /^\/_sim\/sms$/, (c) => ok({ messages: c.state.sms() })],
  [
    'POST',
    /^\/_sim\/faults$/,
    async (c, _p, req) => {
      const b = parse(faultBodySchema, await readJson(req));
      c.failNext(b.count, b.status, b.retryAfterSeconds);
      return ok({ armed: b.count, status: b.status });
    },
  ],
  // A few bytes of "audio", so a recording URL the api stores resolves in dev.
  ['GET', /^\/_sim\/recordings\/([^/]+)\.mp3$/, (c, [sid]) => ({ status: 200, body: `ID3 simulated recording of ${c.state.get(sid!).sid}`, contentType: 'audio/mpeg' })],
];

/** What the control API shows of a call: everything, figures included even before they are "ready". */
function controlView(call: ReturnType<ExotelSimState['get']>) {
  return { ...call, createdAt: call.createdAt.toISOString(), updatedAt: call.updatedAt.toISOString(), answeredAt: call.answeredAt?.toISOString() ?? null, endedAt: call.endedAt?.toISOString() ?? null };
}

export function createSimHandler(ctx: SimContext): (req: IncomingMessage, res: ServerResponse) => void {
  const errorBody = (err: ExotelSimError): Reply => ({ status: err.status, body: err.body, headers: err.headers });
  return replyHandler((req) => answer(ctx, req), {
    name: 'exotel simulator',
    errorReply(err) {
      if (err instanceof ExotelSimError) return errorBody(err);
      if (err instanceof BodyError) return errorBody(simError(err.status, err.message));
      return null;
    },
    internalError: () => errorBody(simError(500, 'Internal server error')),
  });
}

async function answer(ctx: SimContext, req: IncomingMessage): Promise<Reply> {
  const url = new URL(req.url ?? '/', 'http://sim');
  const isApi = url.pathname.startsWith('/v1/');
  if (isApi) {
    if (!url.pathname.endsWith('.json')) {
      // Exotel answers XML unless the path ends in .json; we only speak JSON.
      return { status: 404, body: '<?xml version="1.0"?><TwilioResponse><RestException><Status>404</Status><Message>Only .json paths are simulated</Message></RestException></TwilioResponse>', contentType: 'application/xml' };
    }
    const fault = ctx.takeFault();
    if (fault?.status === 429) throw simError(429, 'Too many requests', { 'Retry-After': String(fault.retryAfterSeconds) });
    if (fault?.status === 500) throw simError(500, 'Internal server error');
    const sid = /^\/v1\/Accounts\/([^/]+)\//.exec(url.pathname)?.[1];
    if (!basicAuthMatches(req, ctx.apiKey, ctx.apiToken) || (sid !== undefined && decodeURIComponent(sid) !== ctx.accountSid)) throw simError(401, 'Authentication is required to view this resource.');
  }
  const route = findRoute(isApi ? API_ROUTES : CONTROL_ROUTES, req.method, url.pathname);
  if (!route) throw simError(404, 'The requested resource was not found');
  return route.handler(ctx, route.params, req, url);
}

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  throw simError(400, firstIssue(parsed.error, 'body'));
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const type = req.headers['content-type'] ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded')) throw simError(400, 'Parameters must be sent form-encoded (application/x-www-form-urlencoded)');
  return new URLSearchParams(await readText(req));
}
