// Per-user LLM keys: save (checked against the provider first, then sealed with AES-256-GCM under
// the active KEK), list, delete, admin revoke, and resolveUserLlmKey for the calls that use them.
// The invariant: the plaintext key leaves this module only through resolveUserLlmKey; no view,
// log line or error carries it (or the vendor's message, which may echo part of it).
import { baseUrlProblem, DEFAULT_BASE_URLS, keyLast4, llmKeyContext, normaliseBaseUrl, type LlmKeyProvider } from '../../domain/ai/llm-keys.js';
import { DomainError } from '../../domain/errors.js';
import { createKekKeyring, type KekKeyring } from '../../infra/kek-keyring.js';
import { checkLlmKey, type LlmKeyCheck } from '../../providers/llm/key-check.js';
import type { Prisma } from '../../prisma/generated/client.js';
import type { ServiceDeps } from '../deps.js';

export type LlmKeysDeps = Pick<ServiceDeps, 'db' | 'logger'> & { config: Pick<ServiceDeps['config'], 'llmKeys'> };

const keyrings = new Map<string, KekKeyring>();
/** The keyring of this config (parsed once per distinct setting). */
export function llmKeyring(config: LlmKeysDeps['config']): KekKeyring {
  const settings = { keks: config.llmKeys?.keks, activeKekId: config.llmKeys?.activeKekId };
  const id = `${settings.keks ?? ''}\u0000${settings.activeKekId ?? ''}`;
  let ring = keyrings.get(id);
  if (!ring) keyrings.set(id, (ring = createKekKeyring(settings)));
  return ring;
}

/** Every column a caller may see: never the ciphertext, its IV or tag. */
export const llmKeySelect = {
  id: true,
  userId: true,
  provider: true,
  label: true,
  baseUrl: true,
  keyLast4: true,
  isActive: true,
  revokedAt: true,
  lastValidatedAt: true,
  lastUsedAt: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.UserLlmKeySelect;
type KeyRow = Prisma.UserLlmKeyGetPayload<{ select: typeof llmKeySelect }>;

const iso = (d: Date | null) => d?.toISOString() ?? null;
export function toLlmKeyView(k: KeyRow) {
  return { ...k, revokedAt: iso(k.revokedAt), lastValidatedAt: iso(k.lastValidatedAt), lastUsedAt: iso(k.lastUsedAt), createdAt: k.createdAt.toISOString(), updatedAt: k.updatedAt.toISOString() };
}
export type LlmKeyView = ReturnType<typeof toLlmKeyView>;

const CHECK_FAILED: Record<Exclude<LlmKeyCheck, { ok: true }>['reason'], string> = {
  rejected: 'The provider refused this key (GET {baseUrl}/models answered {status}). Check the key and that it belongs to this provider.',
  unreachable: 'The provider could not be reached at {baseUrl}. Check the baseUrl.',
  timeout: 'The provider did not answer GET {baseUrl}/models in time. Try again, or check the baseUrl.',
  unexpected: 'GET {baseUrl}/models answered {status}, not a model list: is this an OpenAI-compatible API?',
};

export interface SaveLlmKeyInput {
  provider: LlmKeyProvider;
  apiKey: string;
  baseUrl?: string;
  label?: string | null;
}

/** Creates or replaces the user's key for a provider; nothing is written unless the provider accepts it. */
export async function saveUserLlmKey(deps: LlmKeysDeps, userId: string, input: SaveLlmKeyInput): Promise<{ key: LlmKeyView; created: boolean }> {
  const settings = deps.config.llmKeys;
  const baseUrl = normaliseBaseUrl(input.baseUrl ?? DEFAULT_BASE_URLS[input.provider]);
  const problem = baseUrlProblem(baseUrl, settings?.allowHttpBaseUrl ?? false);
  if (problem) throw new DomainError('UNPROCESSABLE', `The baseUrl ${problem}`, [{ path: 'body.baseUrl', message: problem }]);

  const check = await checkLlmKey({ baseUrl, apiKey: input.apiKey, timeoutMs: settings?.checkTimeoutMs ?? 10_000 });
  if (!check.ok) {
    const detail = CHECK_FAILED[check.reason].replace('{baseUrl}', baseUrl).replace('{status}', String(check.status ?? 'nothing'));
    deps.logger.info({ userId, provider: input.provider, reason: check.reason, status: check.status }, 'llm key check failed');
    throw new DomainError('UNPROCESSABLE', detail, [{ path: 'body.apiKey', message: `key check failed: ${check.reason}` }]);
  }

  const sealed = llmKeyring(deps.config).seal(input.apiKey, llmKeyContext(userId, input.provider));
  const now = new Date();
  const data = {
    baseUrl,
    label: input.label ?? null,
    keyCiphertext: sealed.ciphertext,
    keyIv: sealed.iv,
    keyAuthTag: sealed.authTag,
    encryptionKeyId: sealed.keyId,
    keyLast4: keyLast4(input.apiKey),
    isActive: true,
    revokedAt: null,
    revokedById: null,
    lastValidatedAt: now,
    lastUsedAt: null,
  };
  const existing = await deps.db.userLlmKey.findUnique({ where: { userId_provider: { userId, provider: input.provider } }, select: { id: true } });
  const row = await deps.db.userLlmKey.upsert({
    where: { userId_provider: { userId, provider: input.provider } },
    create: { userId, provider: input.provider, ...data },
    update: data,
    select: llmKeySelect,
  });
  deps.logger.info({ userId, provider: input.provider, llmKeyId: row.id, kek: sealed.keyId, replaced: Boolean(existing) }, 'llm key saved');
  return { key: toLlmKeyView(row), created: !existing };
}

export async function listUserLlmKeys(deps: Pick<ServiceDeps, 'db'>, userId: string): Promise<LlmKeyView[]> {
  const rows = await deps.db.userLlmKey.findMany({ where: { userId }, select: llmKeySelect, orderBy: [{ provider: 'asc' }] });
  return rows.map(toLlmKeyView);
}

const noSuchKey = () => new DomainError('NOT_FOUND', 'No such LLM key');

/** One of the user's own keys; another user's id is a 404, as if it did not exist. */
export async function getUserLlmKey(deps: Pick<ServiceDeps, 'db'>, userId: string, id: string): Promise<LlmKeyView> {
  const row = await deps.db.userLlmKey.findFirst({ where: { id, userId }, select: llmKeySelect });
  if (!row) throw noSuchKey();
  return toLlmKeyView(row);
}

export async function deleteUserLlmKey(deps: Pick<ServiceDeps, 'db' | 'logger'>, userId: string, id: string): Promise<void> {
  const { count } = await deps.db.userLlmKey.deleteMany({ where: { id, userId } });
  if (count === 0) throw noSuchKey();
  deps.logger.info({ userId, llmKeyId: id }, 'llm key deleted');
}

async function assertUser(deps: Pick<ServiceDeps, 'db'>, userId: string) {
  const user = await deps.db.user.findUnique({ where: { id: userId }, select: { id: true } });
  if (!user) throw new DomainError('NOT_FOUND', 'No such user');
}

/** Staff view of a user's keys (the same view the user has). */
export async function adminListUserLlmKeys(deps: Pick<ServiceDeps, 'db'>, targetUserId: string): Promise<LlmKeyView[]> {
  await assertUser(deps, targetUserId);
  return listUserLlmKeys(deps, targetUserId);
}

/** Revokes a user's active keys (one provider, or all): the ciphertext is wiped, the row stays as a record. */
export async function revokeUserLlmKeys(deps: Pick<ServiceDeps, 'db' | 'logger'>, adminId: string, targetUserId: string, opts: { provider?: LlmKeyProvider } = {}) {
  await assertUser(deps, targetUserId);
  const { count } = await deps.db.userLlmKey.updateMany({
    where: { userId: targetUserId, isActive: true, ...(opts.provider ? { provider: opts.provider } : {}) },
    data: { isActive: false, keyCiphertext: '', keyIv: '', keyAuthTag: null, encryptionKeyId: '', revokedAt: new Date(), revokedById: adminId },
  });
  deps.logger.info({ adminId, userId: targetUserId, provider: opts.provider ?? 'all', revoked: count }, 'llm keys revoked');
  return { revoked: count, items: await listUserLlmKeys(deps, targetUserId) };
}

export interface ResolvedLlmKey {
  llmKeyId: string;
  provider: LlmKeyProvider;
  baseUrl: string;
  /** The plaintext key: pass it to the provider client, never to a log, a response or an error. */
  apiKey: string;
}

/**
 * The user's active key for `provider`, opened, and its lastUsedAt marked; null when the user has
 * none (the caller falls back to the platform key). A key that cannot be opened (its KEK is not
 * configured, or the row was tampered with) is a server fault, logged without the key.
 */
export async function resolveUserLlmKey(deps: LlmKeysDeps, userId: string, provider: LlmKeyProvider): Promise<ResolvedLlmKey | null> {
  const row = await deps.db.userLlmKey.findUnique({ where: { userId_provider: { userId, provider } } });
  if (!row || !row.isActive || !row.keyAuthTag) return null;
  let apiKey: string;
  try {
    apiKey = llmKeyring(deps.config).open({ ciphertext: row.keyCiphertext, iv: row.keyIv, authTag: row.keyAuthTag }, row.encryptionKeyId, llmKeyContext(userId, provider));
  } catch {
    deps.logger.error({ userId, provider, llmKeyId: row.id, kek: row.encryptionKeyId }, 'llm key does not open (KEK missing or row altered)');
    throw new DomainError('INTERNAL', 'Your stored LLM key could not be used; save it again');
  }
  await deps.db.userLlmKey.update({ where: { id: row.id }, data: { lastUsedAt: new Date() }, select: { id: true } });
  return { llmKeyId: row.id, provider, baseUrl: row.baseUrl, apiKey };
}
