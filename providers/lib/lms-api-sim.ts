// The simulator core both learning-system APIs share (Mr Learn, Mr Test; docs/sync-apis.md):
// OAuth 2 client credentials with expiring tokens, Bearer-protected cursor pages ordered by
// (updated_at, id), `updated_since`, a rate limit with 429 + Retry-After, and a control API
// under /_sim/ to inject faults. Each vendor passes its collections; this file knows nothing of
// learners or exams.
//
// The data is computed from the row index, never stored: row i of a collection exists (or not)
// by `exists(i)`, and its content is `row(i, version)`. "Generations" make rows change between
// runs: bumping the generation to g changes each row with probability changePercent (a hash of
// collection, index and g), and a row's version is the last generation that changed it. Its
// updated_at is BASE + version days + (i mod 3600) s, so the (updated_at, id) order can be walked
// generation by generation without sorting, and a row that changes moves behind every row that
// did not: a run that is paging when the data changes still meets the changed rows again.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { BodyError, findRoute, firstIssue, headerValue, ok, readJson, readText, replyHandler, type Reply, type Route } from './sim-http.js';
import { startSimServer } from './sim-server.js';
import { constantTimeEqual } from './constant-time.js';

export const SIM_BASE_TIME = Date.parse('2026-01-01T00:00:00.000Z');
const DAY_MS = 86_400_000;
const SLOTS = 3600;
export const MAX_PAGE_SIZE = 1000;
export const DEFAULT_PAGE_SIZE = 100;

export interface SimCollection {
  /** e.g. "learners": faults, overrides and the change hash are keyed by it. */
  name: string;
  /** e.g. "/v1/learners". */
  path: string;
  /** The index space; rows are 0 … size-1 where exists(i). */
  size: number;
  exists?: (i: number) => boolean;
  /** The row's JSON at a version (0 = as first published); must include `updated_at` from the argument. */
  row: (i: number, version: number, updatedAt: string) => Record<string, unknown>;
  /** How to make row i unreadable for the invalidEvery knob (e.g. blank its required name). */
  corrupt?: (row: Record<string, unknown>) => Record<string, unknown>;
}

export interface SimClient {
  clientId: string;
  clientSecret: string;
}

export interface LmsSimOptions {
  /** For log lines: "mrlearn simulator". */
  name: string;
  port?: number;
  host?: string;
  clients: SimClient[];
  collections: SimCollection[];
  /** expires_in of each new token. Default 3600. */
  tokenTtlSeconds?: number;
  /** Requests per second per client before 429 (0 = no limit). Default 0. */
  rateLimitPerSecond?: number;
  /** Every n-th row (index n-1, 2n-1, …) is unreadable. Default 0 (none). */
  invalidEvery?: number;
}

export interface FaultSpec {
  status: 429 | 500 | 502 | 503;
  /** Retry-After of a 429 in seconds. Default 1. */
  retryAfterSeconds?: number;
}

export interface LmsSimulator {
  baseUrl: string;
  origin: string;
  port: number;
  /** The current generation (0 at start). */
  generation(): number;
  /** Moves to the next generation: each row changes with probability changePercent (default 1 %). */
  bumpGeneration(changePercent?: number): number;
  /** How many rows of a collection changed in generation g (exact, by counting). */
  changedIn(collection: string, g: number): number;
  /** How many rows a collection has (exists). */
  rowCount(collection: string): number;
  /** The next `count` API calls (not the token endpoint) answer the fault. */
  failNext(count: number, fault: FaultSpec): void;
  /** Every token issued so far stops working (401 invalid_token); new ones are issued. */
  expireTokens(): void;
  /** The client's tokens stop working and the token endpoint refuses it (401 invalid_client). */
  revokeClient(clientId: string): void;
  restoreClient(clientId: string): void;
  /** Each page answer waits this long. */
  setSlow(ms: number): void;
  /** Fields laid over one row (e.g. a learner's email), at every version. */
  overrideRow(collection: string, index: number, fields: Record<string, unknown>): void;
  /** Answers so far by status, and token requests. */
  counts(): { pages: number; tokens: number; byStatus: Record<string, number> };
  reset(): void;
  close(): Promise<void>;
}

/** 32-bit mix of the inputs (FNV-1a of the name, then a murmur3 finaliser). */
function hash32(name: string, a: number, b: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca6b);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A deterministic number in [0, 1) from the inputs. */
export const unit = (name: string, a: number, b = 0) => hash32(name, a, b) / 4294967296;

export const updatedAtOf = (i: number, version: number) => SIM_BASE_TIME + version * DAY_MS + (i % SLOTS) * 1000;

interface Position {
  k: number;
  s: number;
  i: number;
}

const cursorSchema = z.object({ k: z.number().int().min(0), s: z.number().int().min(0).max(SLOTS - 1), i: z.number().int().min(0) });
const encodeCursor = (p: Position) => Buffer.from(JSON.stringify(p)).toString('base64url');

class SimError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

const faultBodySchema = z.strictObject({ count: z.number().int().min(0).max(10_000), status: z.union([z.literal(429), z.literal(500), z.literal(502), z.literal(503)]).default(503), retry_after: z.number().int().min(0).max(3600).optional() });
const generationBodySchema = z.strictObject({ bump: z.boolean().optional(), change_percent: z.number().min(0).max(100).optional() });
const slowBodySchema = z.strictObject({ ms: z.number().int().min(0).max(120_000) });
const clientBodySchema = z.strictObject({ client_id: z.string().min(1).max(200) });
const overrideBodySchema = z.record(z.string().max(100), z.unknown());

export async function startLmsSimulator(opts: LmsSimOptions): Promise<LmsSimulator> {
  const tokenTtl = opts.tokenTtlSeconds ?? 3600;
  const byPath = new Map(opts.collections.map((c) => [c.path, c]));
  const byName = new Map(opts.collections.map((c) => [c.name, c]));
  /** changePercent of generation k (index k; 0 unused). */
  let generations: number[] = [0];
  let tokens = new Map<string, { clientId: string; expiresAt: number }>();
  const revoked = new Set<string>();
  let faults: (FaultSpec & { remaining: number }) | null = null;
  let slowMs = 0;
  let overrides = new Map<string, Record<string, unknown>>();
  let counts = { pages: 0, tokens: 0, byStatus: {} as Record<string, number> };
  const windows = new Map<string, { second: number; used: number }>();

  const versionOf = (c: SimCollection, i: number): number => {
    for (let k = generations.length - 1; k >= 1; k--) if (unit(c.name, i, k) * 100 < generations[k]!) return k;
    return 0;
  };
  const exists = (c: SimCollection, i: number) => i >= 0 && i < c.size && (c.exists?.(i) ?? true);

  function rowAt(c: SimCollection, i: number, version: number): Record<string, unknown> {
    let row = c.row(i, version, new Date(updatedAtOf(i, version)).toISOString());
    const extra = overrides.get(`${c.name}:${i}`);
    if (extra) row = { ...row, ...extra };
    if (opts.invalidEvery && (i + 1) % opts.invalidEvery === 0 && c.corrupt) row = c.corrupt(row);
    return row;
  }

  /** Rows after `after` in (updated_at, id) order with updated_at > since: at most limit, plus whether more follow. */
  function pageOf(c: SimCollection, after: Position | null, since: number | null, limit: number): { rows: Record<string, unknown>[]; last: Position | null; more: boolean } {
    const rows: Record<string, unknown>[] = [];
    let last: Position | null = null;
    const g = generations.length - 1;
    for (let k = after?.k ?? 0; k <= g; k++) {
      const genStart = SIM_BASE_TIME + k * DAY_MS;
      if (since !== null && genStart + (SLOTS - 1) * 1000 <= since) continue;
      const firstSlot = after && k === after.k ? after.s : 0;
      for (let s = firstSlot; s < SLOTS; s++) {
        if (since !== null && genStart + s * 1000 <= since) continue;
        const start = after && k === after.k && s === after.s ? after.i + SLOTS : s;
        for (let i = start; i < c.size; i += SLOTS) {
          if (!exists(c, i) || versionOf(c, i) !== k) continue;
          if (rows.length === limit) return { rows, last, more: true };
          rows.push(rowAt(c, i, k));
          last = { k, s, i };
        }
      }
    }
    return { rows, last, more: false };
  }

  function count(status: number) {
    counts.byStatus[status] = (counts.byStatus[status] ?? 0) + 1;
  }

  async function issueToken(req: IncomingMessage): Promise<Reply> {
    counts.tokens++;
    const form = new URLSearchParams(await readText(req, 16 * 1024));
    let clientId = form.get('client_id') ?? '';
    let clientSecret = form.get('client_secret') ?? '';
    const basic = /^Basic ([A-Za-z0-9+/=]+)$/.exec(req.headers.authorization ?? '');
    if (basic) {
      const [id, ...secret] = Buffer.from(basic[1]!, 'base64').toString('utf8').split(':');
      clientId = id ?? '';
      clientSecret = secret.join(':');
    }
    if (form.get('grant_type') !== 'client_credentials') throw new SimError(400, 'unsupported_grant_type', 'Only grant_type=client_credentials is supported');
    const client = opts.clients.find((c) => c.clientId === clientId);
    if (!client || !constantTimeEqual(client.clientSecret, clientSecret) || revoked.has(clientId)) throw new SimError(401, 'invalid_client', 'Client authentication failed');
    const token = `tok_${randomBytes(24).toString('base64url')}`;
    tokens.set(token, { clientId, expiresAt: Date.now() + tokenTtl * 1000 });
    return ok({ access_token: token, token_type: 'Bearer', expires_in: tokenTtl, scope: 'read' });
  }

  function authorize(req: IncomingMessage): string {
    const m = /^Bearer (\S+)$/.exec(headerValue(req, 'authorization') ?? '');
    const t = m ? tokens.get(m[1]!) : undefined;
    if (!t) throw new SimError(401, 'invalid_token', 'The access token is missing or unknown', { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
    if (t.expiresAt <= Date.now() || revoked.has(t.clientId)) throw new SimError(401, 'invalid_token', 'The access token expired', { 'WWW-Authenticate': 'Bearer error="invalid_token", error_description="expired"' });
    return t.clientId;
  }

  function rateLimit(clientId: string) {
    if (!opts.rateLimitPerSecond) return;
    const second = Math.floor(Date.now() / 1000);
    const w = windows.get(clientId);
    if (!w || w.second !== second) windows.set(clientId, { second, used: 1 });
    else if (++w.used > opts.rateLimitPerSecond) throw new SimError(429, 'rate_limited', `More than ${opts.rateLimitPerSecond} requests per second`, { 'Retry-After': '1' });
  }

  async function listPage(c: SimCollection, url: URL, req: IncomingMessage): Promise<Reply> {
    const clientId = authorize(req);
    if (faults && faults.remaining > 0) {
      faults.remaining--;
      const f = faults;
      if (f.remaining === 0) faults = null;
      if (f.status === 429) throw new SimError(429, 'rate_limited', 'Too many requests', { 'Retry-After': String(f.retryAfterSeconds ?? 1) });
      throw new SimError(f.status, 'server_error', 'The server is having a moment');
    }
    rateLimit(clientId);
    const limitRaw = url.searchParams.get('limit');
    const limit = limitRaw === null ? DEFAULT_PAGE_SIZE : Number(limitRaw);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) throw new SimError(400, 'invalid_request', `limit must be an integer from 1 to ${MAX_PAGE_SIZE}`);
    const sinceRaw = url.searchParams.get('updated_since');
    const since = sinceRaw ? Date.parse(sinceRaw) : null;
    if (sinceRaw && Number.isNaN(since)) throw new SimError(400, 'invalid_request', 'updated_since must be an ISO 8601 date-time');
    const cursorRaw = url.searchParams.get('cursor');
    let after: Position | null = null;
    if (cursorRaw) {
      try {
        after = cursorSchema.parse(JSON.parse(Buffer.from(cursorRaw, 'base64url').toString('utf8')));
      } catch {
        throw new SimError(400, 'invalid_cursor', 'The cursor is not one this API issued');
      }
    }
    if (slowMs > 0) await new Promise((r) => setTimeout(r, slowMs));
    const page = pageOf(c, after, since, limit);
    counts.pages++;
    return ok({ data: page.rows, next_cursor: page.more && page.last ? encodeCursor(page.last) : null });
  }

  const control = (fn: (body: unknown, params: string[]) => unknown) => async (req: IncomingMessage, params: string[]) => ok((await fn(await readJson(req), params)) ?? { ok: true });
  const parse = <S extends z.ZodType>(schema: S, body: unknown): z.infer<S> => {
    const r = schema.safeParse(body);
    if (!r.success) throw new SimError(400, 'invalid_request', firstIssue(r.error));
    return r.data;
  };

  const sim: Omit<LmsSimulator, 'baseUrl' | 'origin' | 'port' | 'close'> = {
    generation: () => generations.length - 1,
    bumpGeneration(changePercent = 1) {
      generations = [...generations, changePercent];
      return generations.length - 1;
    },
    changedIn(name, g) {
      const c = byName.get(name);
      if (!c) throw new Error(`No collection ${name}`);
      let n = 0;
      for (let i = 0; i < c.size; i++) if (exists(c, i) && g < generations.length && versionOf(c, i) === g) n++;
      return n;
    },
    rowCount(name) {
      const c = byName.get(name);
      if (!c) throw new Error(`No collection ${name}`);
      let n = 0;
      for (let i = 0; i < c.size; i++) if (exists(c, i)) n++;
      return n;
    },
    failNext(n, fault) {
      faults = n > 0 ? { ...fault, remaining: n } : null;
    },
    expireTokens() {
      for (const t of tokens.values()) t.expiresAt = 0;
    },
    revokeClient: (id) => void revoked.add(id),
    restoreClient: (id) => void revoked.delete(id),
    setSlow(ms) {
      slowMs = ms;
    },
    overrideRow(name, index, fields) {
      overrides.set(`${name}:${index}`, { ...overrides.get(`${name}:${index}`), ...fields });
    },
    counts: () => ({ pages: counts.pages, tokens: counts.tokens, byStatus: { ...counts.byStatus } }),
    reset() {
      generations = [0];
      tokens = new Map();
      revoked.clear();
      faults = null;
      slowMs = 0;
      overrides = new Map();
      counts = { pages: 0, tokens: 0, byStatus: {} };
    },
  };

  type Handler = (req: IncomingMessage, params: string[], url: URL) => Promise<Reply> | Reply;
  const routes: Route<Handler>[] = [
    ['POST', /^\/oauth\/token$/, (req) => issueToken(req)],
    ['GET', /^\/_sim\/state$/, () => ok({ generation: sim.generation(), ...sim.counts(), collections: opts.collections.map((c) => ({ name: c.name, path: c.path, size: c.size })) })],
    ['POST', /^\/_sim\/generation$/, control((b) => {
      const body = parse(generationBodySchema, b);
      return { generation: body.bump === false ? sim.generation() : sim.bumpGeneration(body.change_percent ?? 1) };
    })],
    ['POST', /^\/_sim\/faults$/, control((b) => {
      const body = parse(faultBodySchema, b);
      sim.failNext(body.count, { status: body.status, ...(body.retry_after !== undefined ? { retryAfterSeconds: body.retry_after } : {}) });
    })],
    ['POST', /^\/_sim\/tokens\/expire$/, control(() => sim.expireTokens())],
    ['POST', /^\/_sim\/clients\/revoke$/, control((b) => sim.revokeClient(parse(clientBodySchema, b).client_id))],
    ['POST', /^\/_sim\/clients\/restore$/, control((b) => sim.restoreClient(parse(clientBodySchema, b).client_id))],
    ['POST', /^\/_sim\/slow$/, control((b) => sim.setSlow(parse(slowBodySchema, b).ms))],
    ['POST', /^\/_sim\/rows\/([a-z_]+)\/(\d+)$/, control((b, [name, index]) => {
      if (!byName.has(name!)) throw new SimError(404, 'not_found', `No collection ${name}`);
      sim.overrideRow(name!, Number(index), parse(overrideBodySchema, b));
    })],
    ['DELETE', /^\/_sim\/?$/, () => {
      sim.reset();
      return ok({ ok: true });
    }],
  ];

  const handler = replyHandler(
    async (req) => {
      const url = new URL(req.url ?? '/', 'http://sim.local');
      const collection = req.method === 'GET' ? byPath.get(url.pathname) : undefined;
      let reply: Reply;
      if (collection) reply = await listPage(collection, url, req);
      else {
        const route = findRoute(routes, req.method, url.pathname);
        if (!route) throw new SimError(404, 'not_found', `No route ${req.method} ${url.pathname}`);
        reply = await route.handler(req, route.params, url);
      }
      if (!url.pathname.startsWith('/_sim')) count(reply.status);
      return reply;
    },
    {
      name: opts.name,
      errorReply(err) {
        if (err instanceof SimError) {
          count(err.status);
          return { status: err.status, body: { error: err.code, error_description: err.message }, headers: err.headers };
        }
        if (err instanceof BodyError) return { status: err.status, body: { error: 'invalid_request', error_description: err.message } };
        return null;
      },
      internalError: () => ({ status: 500, body: { error: 'server_error', error_description: 'Internal error' } }),
    },
  );

  const server = await startSimServer(handler, { port: opts.port, host: opts.host });
  return { ...sim, baseUrl: server.origin, origin: server.origin, port: server.port, close: server.close };
}
