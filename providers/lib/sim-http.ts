// The HTTP plumbing every simulator shares: reading a request body under a size bound, one
// reply shape (JSON, text or empty) and the handler wrapper that turns the simulator's own
// errors into its vendor's error envelope, a small route table, and Basic auth. What each
// vendor answers stays in its own simulator.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import { constantTimeEqual } from './constant-time.js';

/** Enough for every control and API body the simulators take. */
export const DEFAULT_MAX_BODY_BYTES = 1_048_576;

/** A body the simulator refuses before routing: 413 too large, 400 not JSON. The vendor maps it to its envelope. */
export class BodyError extends Error {
  constructor(
    readonly status: 400 | 413,
    message: string,
  ) {
    super(message);
  }
}

/** The whole body, refused with 413 as soon as it (or its declared Content-Length) passes maxBytes. */
export async function readBody(req: IncomingMessage, maxBytes = DEFAULT_MAX_BODY_BYTES): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) throw new BodyError(413, 'Request body is too large');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw new BodyError(413, 'Request body is too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

export async function readText(req: IncomingMessage, maxBytes?: number): Promise<string> {
  return (await readBody(req, maxBytes)).toString('utf8');
}

/** JSON, or {} for an empty body (the control API's bodiless POSTs). */
export async function readJson(req: IncomingMessage, maxBytes?: number): Promise<unknown> {
  const text = (await readText(req, maxBytes)).trim();
  if (text === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BodyError(400, 'The request body is not valid JSON');
  }
}

export interface Reply {
  status: number;
  /** JSON unless a string; absent for an empty answer (204). */
  body?: unknown;
  contentType?: string;
  headers?: Record<string, string>;
}

export const ok = (body: unknown): Reply => ({ status: 200, body });

export function sendReply(res: ServerResponse, reply: Reply): void {
  if (reply.body === undefined) {
    res.writeHead(reply.status, reply.headers);
    res.end();
    return;
  }
  const payload = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
  res.writeHead(reply.status, { 'Content-Type': reply.contentType ?? 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(payload), ...reply.headers });
  res.end(payload);
}

export interface ReplyHandlerOptions {
  /** For the log line of an unexpected error, e.g. "razorpay simulator". */
  name: string;
  /** The vendor's envelope for an error the simulator threw on purpose (and BodyError); null for a bug. */
  errorReply(err: unknown): Reply | null;
  /** The vendor's 500 for a bug. */
  internalError(): Reply;
}

/** A node request listener around `answer`: every outcome becomes exactly one reply. */
export function replyHandler(answer: (req: IncomingMessage) => Promise<Reply>, opts: ReplyHandlerOptions): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    void answer(req).then(
      (reply) => sendReply(res, reply),
      (err: unknown) => {
        const reply = opts.errorReply(err);
        if (reply) return sendReply(res, reply);
        console.error(`${opts.name}: unexpected error`, err);
        return sendReply(res, opts.internalError());
      },
    );
  };
}

export type Route<H> = readonly [method: string, pattern: RegExp, handler: H];

/** The first route whose method and pattern match, with its captures URI-decoded. */
export function findRoute<H>(routes: readonly Route<H>[], method: string | undefined, pathname: string): { handler: H; params: string[] } | null {
  for (const [m, pattern, handler] of routes) {
    if (m !== method) continue;
    const match = pattern.exec(pathname);
    if (match) return { handler, params: match.slice(1).map((p) => decodeURIComponent(p)) };
  }
  return null;
}

export function headerValue(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

/** True when the request's `Authorization: Basic …` carries exactly `user:password`. */
export function basicAuthMatches(req: IncomingMessage, user: string, password: string): boolean {
  const m = /^Basic ([A-Za-z0-9+/=]+)$/.exec(req.headers.authorization ?? '');
  if (!m) return false;
  return constantTimeEqual(Buffer.from(m[1]!, 'base64').toString('utf8'), `${user}:${password}`);
}

/** "path: message" of a control body's first problem; `root` names a problem with the whole body. */
export function firstIssue(error: z.ZodError, root = '(root)'): string {
  const issue = error.issues[0]!;
  return `${issue.path.join('.') || root}: ${issue.message}`;
}
