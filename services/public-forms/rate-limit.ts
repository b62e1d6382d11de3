// Anonymous public forms (AI for everyone, league registrations, IIMT applications) are rate limited per client
// IP and per email in the shared rate_limit_buckets; the email is hashed into the key.
import { DomainError } from '../../domain/errors.js';
import { sha256 } from '../../infra/auth/opaque-tokens.js';
import { consumeRateLimit } from '../../infra/rate-limit.js';
import type { ServiceDeps } from '../deps.js';

export interface FormRateLimit {
  perIp: number;
  perEmail: number;
  windowSeconds: number;
}

export async function enforceFormRate(deps: Pick<ServiceDeps, 'db'>, form: string, ip: string, email: string, l: FormRateLimit) {
  const decisions = await Promise.all([consumeRateLimit(deps.db, `${form}:ip:${ip}`, l.perIp, l.windowSeconds), consumeRateLimit(deps.db, `${form}:email:${sha256(email)}`, l.perEmail, l.windowSeconds)]);
  const blocked = decisions.filter((d) => !d.allowed);
  if (blocked.length) {
    const retry = Math.max(...blocked.map((d) => d.retryAfterSeconds));
    throw new DomainError('RATE_LIMITED', 'Too many forms; try again later', undefined, { 'Retry-After': String(retry) });
  }
}
