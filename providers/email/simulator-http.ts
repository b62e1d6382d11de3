// The simulator's control API (what an SMTP server does not have): read what was captured,
// clear it, and arm SMTP faults. JSON over HTTP under /_sim/.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { SMTP_FAULT_CODES, type EmailSimState, type SmtpFaultCode } from './simulator-state.js';
import { BodyError, readJson, replyHandler, type Reply } from '../lib/sim-http.js';

const MAX_BODY_BYTES = 64 * 1024;

class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const faultBodySchema = z.strictObject({
  count: z.number().int().min(0).max(1000),
  code: z
    .number()
    .int()
    .refine((c): c is SmtpFaultCode => (SMTP_FAULT_CODES as readonly number[]).includes(c), { message: `one of ${SMTP_FAULT_CODES.join(', ')}` })
    .default(451),
});

async function route(state: EmailSimState, req: IncomingMessage): Promise<Reply> {
  const url = new URL(req.url ?? '/', 'http://sim');
  const path = url.pathname;
  if (req.method === 'GET' && path === '/_sim/health') return { status: 200, body: { ok: true } };
  if (req.method === 'GET' && path === '/_sim/messages') {
    const items = state.list({ to: url.searchParams.get('to') ?? undefined, subject: url.searchParams.get('subject') ?? undefined });
    return { status: 200, body: { items } };
  }
  if (req.method === 'DELETE' && path === '/_sim/messages') {
    state.clear();
    return { status: 204 };
  }
  const one = /^\/_sim\/messages\/([^/]+)$/.exec(path);
  if (req.method === 'GET' && one) {
    const msg = state.get(decodeURIComponent(one[1]!));
    if (!msg) throw new ControlError(404, 'No such message');
    return { status: 200, body: msg };
  }
  if (req.method === 'POST' && path === '/_sim/faults') {
    const parsed = faultBodySchema.safeParse(await readJson(req, MAX_BODY_BYTES));
    if (!parsed.success) throw new ControlError(400, parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    state.failNext(parsed.data.count, parsed.data.code);
    return { status: 200, body: { armed: parsed.data.count, code: parsed.data.code } };
  }
  throw new ControlError(404, `No route ${req.method} ${path}`);
}

export function createControlHandler(state: EmailSimState): (req: IncomingMessage, res: ServerResponse) => void {
  return replyHandler((req) => route(state, req), {
    name: 'email simulator',
    errorReply: (err) => (err instanceof ControlError || err instanceof BodyError ? { status: err.status, body: { error: err.message } } : null),
    internalError: () => ({ status: 500, body: { error: 'internal error' } }),
  });
}
