// Marketing preferences (comms_preferences), one row per channel and address: an unsubscribe and
// quiet hours. `marketingGate` is the one check every marketing send makes (CRM workflow sends,
// Mr Learn reminders) before it logs anything; transactional sends (booking, payment) never call
// it. Unsubscribes come from the one-click link in marketing emails (RFC 8058), an inbound
// WhatsApp STOP, the user's own settings, or staff; START (or the user, or staff) undoes one.
import { randomBytes } from 'node:crypto';
import { HhMm, preferenceAddress, quietUntil, toHhMm, type QuietHours } from '../../domain/comms/quiet-hours.js';
import { escapeHtml } from '../../domain/comms/email-template.js';
import { DomainError } from '../../domain/errors.js';
import type { Db } from '../../infra/prisma.js';
import { type Prisma, type CommsChannel, type CommsPreference } from '../../prisma/generated/client.js';
import { readConfig } from '../system-config/read-config.js';
import { isUniqueViolation } from '../../infra/prisma-errors.js';

export type { CommsChannel };
export const COMMS_CHANNELS = ['EMAIL', 'WHATSAPP', 'SMS'] as const satisfies readonly CommsChannel[];
export type UnsubscribeSource = 'link' | 'inbound_keyword' | 'user' | 'admin';

type Deps = { db: Db; now: () => Date };

export type GateOutcome = { kind: 'send'; unsubscribeToken: string } | { kind: 'unsubscribed' } | { kind: 'quiet'; until: Date };

const newToken = () => randomBytes(24).toString('base64url');

/** The row for (channel, address), created on first sight (a race creates one: the loser reads the winner's). */
export async function preferenceRow(db: Db, channel: CommsChannel, rawAddress: string, userId?: string | null): Promise<CommsPreference> {
  const address = preferenceAddress(channel, rawAddress);
  const where = { channel_address: { channel, address } };
  const found = await db.commsPreference.findUnique({ where });
  if (found) return found;
  try {
    return await db.commsPreference.create({ data: { channel, address, userId: userId ?? null, unsubscribeToken: newToken() } });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    return db.commsPreference.findUniqueOrThrow({ where });
  }
}

const ownQuiet = (p: CommsPreference): QuietHours | null =>
  p.quietStartMin !== null && p.quietEndMin !== null && p.timezone ? { startMin: p.quietStartMin, endMin: p.quietEndMin, timezone: p.timezone } : null;

/** The platform default (system config comms.quietHours), when it is on. */
async function defaultQuiet(db: Db): Promise<QuietHours | null> {
  const c = await readConfig(db, 'comms.quietHours');
  return c.enabled ? { startMin: HhMm.parse(c.start), endMin: HhMm.parse(c.end), timezone: c.timezone } : null;
}

/** Whether a marketing send to this address may go now: unsubscribed, quiet until a time, or go (with the unsubscribe token for the message). */
export async function marketingGate(deps: Deps, to: { channel: CommsChannel; address: string; userId?: string | null }): Promise<GateOutcome> {
  const pref = await preferenceRow(deps.db, to.channel, to.address, to.userId);
  if (pref.unsubscribedAt) return { kind: 'unsubscribed' };
  const quiet = ownQuiet(pref) ?? (await defaultQuiet(deps.db));
  const until = quiet ? quietUntil(deps.now(), quiet) : null;
  return until ? { kind: 'quiet', until } : { kind: 'send', unsubscribeToken: pref.unsubscribeToken };
}

/** PUBLIC_API_URL's default, for a worker given no notification settings. */
const DEFAULT_API_URL = 'http://127.0.0.1:3000';
const unsubscribeUrl = (apiUrl: string | undefined, token: string) => `${(apiUrl ?? DEFAULT_API_URL).replace(/\/+$/, '')}/api/unsubscribe/${token}`;

/** RFC 2369 / RFC 8058 one-click unsubscribe headers of a marketing email (none without a token). */
export function unsubscribeHeaders(apiUrl: string | undefined, token: string | null): Record<string, string> {
  if (!token) return {};
  return { 'List-Unsubscribe': `<${unsubscribeUrl(apiUrl, token)}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}

/** The plain-text footer of a marketing email. */
export const unsubscribeFooter = (apiUrl: string | undefined, token: string | null) => (token ? `\n\n--\nTo stop these emails: ${unsubscribeUrl(apiUrl, token)}` : '');

/** The HTML part with the same footer: before </body> when there is one, else at the end; no token or no HTML part: unchanged. */
export function withUnsubscribeFooterHtml(html: string | undefined, apiUrl: string | undefined, token: string | null): string | undefined {
  if (!html || !token) return html;
  const footer = `<p style="font-size:12px;color:#666">To stop these emails: <a href="${escapeHtml(unsubscribeUrl(apiUrl, token))}">unsubscribe</a></p>`;
  const at = html.toLowerCase().lastIndexOf('</body>');
  return at === -1 ? html + footer : html.slice(0, at) + footer + html.slice(at);
}

/** Opt an address out of (stop) or back into (start) marketing on a channel; a repeat changes nothing. */
export async function setOptOut(deps: Deps, channel: CommsChannel, rawAddress: string, intent: 'stop' | 'start', source: UnsubscribeSource, userId?: string | null): Promise<CommsPreference> {
  const pref = await preferenceRow(deps.db, channel, rawAddress, userId);
  if (intent === 'stop') {
    await deps.db.commsPreference.updateMany({ where: { id: pref.id, unsubscribedAt: null }, data: { unsubscribedAt: deps.now(), unsubscribeSource: source } });
  } else {
    await deps.db.commsPreference.updateMany({ where: { id: pref.id, NOT: { unsubscribedAt: null } }, data: { unsubscribedAt: null, unsubscribeSource: source } });
  }
  return deps.db.commsPreference.findUniqueOrThrow({ where: { id: pref.id } });
}

const mask = (channel: CommsChannel, address: string) =>
  channel === 'EMAIL' ? address.replace(/^(.)[^@]*(@.*)$/, (_m, a: string, d: string) => `${a}***${d}`) : `${address.slice(0, 3)}***${address.slice(-2)}`;

/** What an unsubscribe link points at (masked), without acting: link scanners fetch links. */
export async function describeUnsubscribe(deps: Pick<Deps, 'db'>, token: string) {
  const pref = await deps.db.commsPreference.findUnique({ where: { unsubscribeToken: token } });
  if (!pref) throw new DomainError('NOT_FOUND', 'No such unsubscribe link');
  return { channel: pref.channel, address: mask(pref.channel, pref.address), unsubscribed: pref.unsubscribedAt !== null };
}

/** The one-click unsubscribe (RFC 8058 POST): idempotent. */
export async function unsubscribeByToken(deps: Deps, token: string) {
  const pref = await deps.db.commsPreference.findUnique({ where: { unsubscribeToken: token } });
  if (!pref) throw new DomainError('NOT_FOUND', 'No such unsubscribe link');
  await deps.db.commsPreference.updateMany({ where: { id: pref.id, unsubscribedAt: null }, data: { unsubscribedAt: deps.now(), unsubscribeSource: 'link' } });
  return { channel: pref.channel, address: mask(pref.channel, pref.address), unsubscribed: true };
}

export interface PreferenceView {
  channel: CommsChannel;
  address: string;
  unsubscribed: boolean;
  unsubscribedAt: string | null;
  unsubscribeSource: string | null;
  quietHours: { start: string; end: string; timezone: string } | null;
  updatedAt: string;
}

export const toPreferenceView = (p: CommsPreference): PreferenceView => {
  const q = ownQuiet(p);
  return {
    channel: p.channel,
    address: p.address,
    unsubscribed: p.unsubscribedAt !== null,
    unsubscribedAt: p.unsubscribedAt?.toISOString() ?? null,
    unsubscribeSource: p.unsubscribeSource,
    quietHours: q ? { start: toHhMm(q.startMin), end: toHhMm(q.endMin), timezone: q.timezone } : null,
    updatedAt: p.updatedAt.toISOString(),
  };
};

/** The caller's own addresses: their email, and their phone for WhatsApp and SMS when they have one. */
async function ownAddresses(db: Db, userId: string): Promise<{ channel: CommsChannel; address: string }[]> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, phone: true } });
  if (!user) throw new DomainError('NOT_FOUND', 'No such user');
  const out: { channel: CommsChannel; address: string }[] = [{ channel: 'EMAIL', address: user.email }];
  if (user.phone) out.push({ channel: 'WHATSAPP', address: user.phone }, { channel: 'SMS', address: user.phone });
  return out;
}

export async function myPreferences(deps: Deps, userId: string): Promise<PreferenceView[]> {
  const rows = [];
  for (const a of await ownAddresses(deps.db, userId)) rows.push(await preferenceRow(deps.db, a.channel, a.address, userId));
  return rows.map(toPreferenceView);
}

export interface MyPreferencesUpdate {
  /** Quiet hours for all the caller's addresses; null clears them (the platform default applies). */
  quietHours?: { startMin: number; endMin: number; timezone: string } | null | undefined;
  /** Marketing on (true) or off (false), per channel. */
  marketing?: Partial<Record<'email' | 'whatsapp' | 'sms', boolean>> | undefined;
}

const CHANNEL_OF = { email: 'EMAIL', whatsapp: 'WHATSAPP', sms: 'SMS' } as const;

export async function updateMyPreferences(deps: Deps, userId: string, patch: MyPreferencesUpdate): Promise<PreferenceView[]> {
  const addresses = await ownAddresses(deps.db, userId);
  for (const [key, on] of Object.entries(patch.marketing ?? {}) as ['email' | 'whatsapp' | 'sms', boolean | undefined][]) {
    if (on === undefined) continue;
    const a = addresses.find((x) => x.channel === CHANNEL_OF[key]);
    if (!a) throw new DomainError('UNPROCESSABLE', `You have no ${key === 'email' ? 'email' : 'phone number'} on your account`);
    await setOptOut(deps, a.channel, a.address, on ? 'start' : 'stop', 'user', userId);
  }
  if (patch.quietHours !== undefined) {
    const q = patch.quietHours;
    const data = q ? { quietStartMin: q.startMin, quietEndMin: q.endMin, timezone: q.timezone } : { quietStartMin: null, quietEndMin: null, timezone: null };
    for (const a of addresses) {
      const pref = await preferenceRow(deps.db, a.channel, a.address, userId);
      await deps.db.commsPreference.update({ where: { id: pref.id }, data });
    }
  }
  return myPreferences(deps, userId);
}

export interface PreferenceFilters {
  channel?: CommsChannel | undefined;
  address?: string | undefined;
  unsubscribed?: boolean | undefined;
}

export function listPreferences(deps: Pick<Deps, 'db'>, f: PreferenceFilters, page: { where: Prisma.CommsPreferenceWhereInput; orderBy: Prisma.CommsPreferenceOrderByWithRelationInput[]; take: number }) {
  const where: Prisma.CommsPreferenceWhereInput[] = [page.where];
  if (f.channel) where.push({ channel: f.channel });
  if (f.address) where.push({ address: f.channel ? preferenceAddress(f.channel, f.address) : { contains: f.address.trim().toLowerCase() } });
  if (f.unsubscribed !== undefined) where.push(f.unsubscribed ? { NOT: { unsubscribedAt: null } } : { unsubscribedAt: null });
  return deps.db.commsPreference.findMany({ where: { AND: where }, orderBy: page.orderBy, take: page.take });
}
