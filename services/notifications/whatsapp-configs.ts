// Per-user WhatsApp configs (whatsapp_configs), for staff who send from their own business number:
// save (the number id + token pair is checked with the provider's GET /{phone_number_id} first,
// then the token is sealed with AES-256-GCM under the user-secrets keyring, the same KEKs as the
// LLM keys: LLM_KEYS_KEKS / LLM_KEYS_ACTIVE_KEK), read without secrets, deactivate, admin list
// and revoke, and senderFor() for the sends that go out on a user's behalf.
// The invariant: the plaintext token leaves this module only through senderFor (into a provider
// client); no view, log line or error carries it (nor the provider's message, which may echo it).
import { createHash } from 'node:crypto';
import { DomainError } from '../../domain/errors.js';
import type { Db } from '../../infra/prisma.js';
import type { Logger } from '../../infra/logger.js';
import { failureOf } from '../../providers/lib/provider-error.js';
import type { WhatsAppProvider } from '../../providers/whatsapp/interface.js';
import type { Prisma } from '../../prisma/generated/client.js';
import { llmKeyring } from '../ai/llm-keys.js';
import type { ServiceDeps } from '../deps.js';

type KeyringConfig = Pick<ServiceDeps['config'], 'llmKeys'>;
export type WhatsAppConfigDeps = { db: Db; logger: Logger; whatsapp: WhatsAppProvider; config: KeyringConfig };

/** The AES-GCM associated data: a sealed token copied onto another row (user or number) does not open. */
export const whatsappTokenContext = (userId: string, phoneNumberId: string) => `whatsapp-config:${userId}:${phoneNumberId}`;
export const whatsappConfigKeyring = (config: KeyringConfig) => llmKeyring(config);
const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

/** Every column a caller may see: never the ciphertext, its IV or tag, nor the verify-token hash. */
export const whatsappConfigSelect = {
  id: true,
  userId: true,
  provider: true,
  phoneNumberId: true,
  businessAccountId: true,
  displayPhoneNumber: true,
  defaultTemplateName: true,
  defaultLanguageCode: true,
  isActive: true,
  lastVerifiedAt: true,
  webhookVerifyTokenHash: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.WhatsAppConfigSelect;
type Row = Prisma.WhatsAppConfigGetPayload<{ select: typeof whatsappConfigSelect }> & { tokenLast4?: string | null };

const iso = (d: Date | null) => d?.toISOString() ?? null;
export function toWhatsAppConfigView(r: Row) {
  const { webhookVerifyTokenHash, ...rest } = r;
  return { ...rest, tokenLast4: r.tokenLast4 ?? null, hasWebhookVerifyToken: Boolean(webhookVerifyTokenHash), lastVerifiedAt: iso(r.lastVerifiedAt), createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString() };
}
export type WhatsAppConfigView = ReturnType<typeof toWhatsAppConfigView>;

export interface SaveWhatsAppConfigInput {
  phoneNumberId: string;
  businessAccountId: string;
  accessToken: string;
  displayPhoneNumber?: string | null | undefined;
  defaultTemplateName?: string | null | undefined;
  defaultLanguageCode?: string | undefined;
  webhookVerifyToken?: string | null | undefined;
}

const CHECK_FAILED = 'WhatsApp refused this phone number id and access token (GET /{phone_number_id} answered {status}). Check that the token is a system-user token with access to this number.';

/** Creates or replaces the user's config; nothing is written unless the provider accepts the pair. */
export async function saveWhatsAppConfig(deps: WhatsAppConfigDeps, userId: string, input: SaveWhatsAppConfigInput): Promise<{ config: WhatsAppConfigView; created: boolean }> {
  const taken = await deps.db.whatsAppConfig.findUnique({ where: { phoneNumberId: input.phoneNumberId }, select: { userId: true } });
  if (taken && taken.userId !== userId) throw new DomainError('CONFLICT', 'This phone number id is configured by another user');
  if (!deps.whatsapp.forNumber) throw new DomainError('UNPROCESSABLE', 'WhatsApp is not configured on this server');
  let info;
  try {
    info = await deps.whatsapp.forNumber(input.phoneNumberId, input.accessToken).verifyNumber!();
  } catch (err) {
    // Only the status and the provider's code reach the log and the answer: its message may echo the token.
    const f = failureOf(err);
    const status = f?.status ?? null;
    deps.logger.info({ userId, phoneNumberId: input.phoneNumberId, status, kind: f?.kind ?? 'unknown' }, 'whatsapp config check failed');
    if (f?.retryable) throw new DomainError('UNPROCESSABLE', 'WhatsApp could not be reached to check the token; try again', [{ path: 'body.accessToken', message: 'check failed: unreachable' }]);
    throw new DomainError('UNPROCESSABLE', CHECK_FAILED.replace('{status}', String(status ?? 'nothing')), [{ path: 'body.accessToken', message: 'check failed: rejected' }]);
  }
  if (info.id !== input.phoneNumberId) throw new DomainError('UNPROCESSABLE', 'WhatsApp answered for another phone number id', [{ path: 'body.phoneNumberId', message: 'mismatch' }]);

  const sealed = whatsappConfigKeyring(deps.config).seal(input.accessToken, whatsappTokenContext(userId, input.phoneNumberId));
  const now = new Date();
  const data = {
    phoneNumberId: input.phoneNumberId,
    businessAccountId: input.businessAccountId,
    displayPhoneNumber: input.displayPhoneNumber ?? info.displayPhoneNumber,
    defaultTemplateName: input.defaultTemplateName ?? null,
    ...(input.defaultLanguageCode ? { defaultLanguageCode: input.defaultLanguageCode } : {}),
    accessTokenCiphertext: sealed.ciphertext,
    accessTokenIv: sealed.iv,
    accessTokenAuthTag: sealed.authTag,
    encryptionKeyId: sealed.keyId,
    webhookVerifyTokenHash: input.webhookVerifyToken ? sha256(input.webhookVerifyToken) : null,
    isActive: true,
    lastVerifiedAt: now,
  };
  const existing = await deps.db.whatsAppConfig.findUnique({ where: { userId }, select: { id: true } });
  const row = await deps.db.whatsAppConfig.upsert({ where: { userId }, create: { userId, ...data }, update: data, select: whatsappConfigSelect });
  deps.logger.info({ userId, whatsappConfigId: row.id, phoneNumberId: row.phoneNumberId, kek: sealed.keyId, replaced: Boolean(existing) }, 'whatsapp config saved');
  return { config: toWhatsAppConfigView({ ...row, tokenLast4: input.accessToken.slice(-4) }), created: !existing };
}

const noConfig = () => new DomainError('NOT_FOUND', 'No WhatsApp config');

/** The last 4 characters of the sealed token (opened here, never returned whole). */
function last4(deps: Pick<WhatsAppConfigDeps, 'config'>, r: { userId: string; phoneNumberId: string; accessTokenCiphertext: string; accessTokenIv: string; accessTokenAuthTag: string | null; encryptionKeyId: string }): string | null {
  if (!r.accessTokenCiphertext) return null;
  try {
    return whatsappConfigKeyring(deps.config).open({ ciphertext: r.accessTokenCiphertext, iv: r.accessTokenIv, authTag: r.accessTokenAuthTag ?? '' }, r.encryptionKeyId, whatsappTokenContext(r.userId, r.phoneNumberId)).slice(-4);
  } catch {
    return null;
  }
}
const sealedSelect = { accessTokenCiphertext: true, accessTokenIv: true, accessTokenAuthTag: true, encryptionKeyId: true } as const;

export async function getWhatsAppConfig(deps: Pick<WhatsAppConfigDeps, 'db' | 'config'>, userId: string): Promise<WhatsAppConfigView> {
  const row = await deps.db.whatsAppConfig.findUnique({ where: { userId }, select: { ...whatsappConfigSelect, ...sealedSelect } });
  if (!row) throw noConfig();
  const { accessTokenCiphertext, accessTokenIv, accessTokenAuthTag, encryptionKeyId, ...view } = row;
  return toWhatsAppConfigView({ ...view, tokenLast4: last4(deps, { ...row, accessTokenCiphertext, accessTokenIv, accessTokenAuthTag, encryptionKeyId }) });
}

/** DELETE /api/me/whatsapp-config: the config stays (inbound still routes to it) but nothing is sent from it. */
export async function deactivateWhatsAppConfig(deps: Pick<WhatsAppConfigDeps, 'db' | 'logger'>, userId: string): Promise<void> {
  const { count } = await deps.db.whatsAppConfig.updateMany({ where: { userId }, data: { isActive: false } });
  if (count === 0) throw noConfig();
  deps.logger.info({ userId }, 'whatsapp config deactivated');
}

export async function adminListWhatsAppConfigs(deps: Pick<WhatsAppConfigDeps, 'db'>, filters: { userId?: string | undefined; isActive?: boolean | undefined }, page: { where: Prisma.WhatsAppConfigWhereInput; orderBy: Prisma.WhatsAppConfigOrderByWithRelationInput[]; take: number }) {
  const where: Prisma.WhatsAppConfigWhereInput[] = [page.where];
  if (filters.userId) where.push({ userId: filters.userId });
  if (filters.isActive !== undefined) where.push({ isActive: filters.isActive });
  return deps.db.whatsAppConfig.findMany({ where: { AND: where }, orderBy: page.orderBy, take: page.take, select: whatsappConfigSelect });
}

/** Admin revoke: the sealed token is wiped and the config deactivated; the row stays as a record (and for inbound routing). */
export async function revokeWhatsAppConfig(deps: Pick<WhatsAppConfigDeps, 'db' | 'logger'>, adminId: string, id: string): Promise<WhatsAppConfigView> {
  const { count } = await deps.db.whatsAppConfig.updateMany({ where: { id }, data: { isActive: false, accessTokenCiphertext: '', accessTokenIv: '', accessTokenAuthTag: null } });
  if (count === 0) throw noConfig();
  deps.logger.info({ adminId, whatsappConfigId: id }, 'whatsapp config revoked');
  const row = await deps.db.whatsAppConfig.findUniqueOrThrow({ where: { id }, select: whatsappConfigSelect });
  return toWhatsAppConfigView({ ...row, tokenLast4: null });
}

export interface WhatsAppSender {
  whatsapp: WhatsAppProvider;
  /** The number id the message goes out from (the user's, or null for the platform number). */
  phoneNumberId: string | null;
  /** What whatsapp_messages.fromPhone records. */
  fromPhone: string | null;
  /** The config used, or null for the platform number. */
  configId: string | null;
}

/**
 * The provider a send on `userId`'s behalf goes through: their active config's number and opened
 * token when they have one that opens, else the platform number (`deps.whatsapp`).
 */
export interface SenderDeps {
  db: Db;
  logger: Logger;
  whatsapp: WhatsAppProvider;
  /** The api's keyring settings (ServiceDeps.config.llmKeys)… */
  config?: Partial<KeyringConfig> | undefined;
  /** …or the worker's (ActivityDeps.llmKeys). Absent: the development KEK. */
  llmKeys?: KeyringConfig['llmKeys'] | undefined;
}

export async function senderFor(deps: SenderDeps, userId: string | null | undefined): Promise<WhatsAppSender> {
  const platform: WhatsAppSender = { whatsapp: deps.whatsapp, phoneNumberId: null, fromPhone: null, configId: null };
  if (!userId || !deps.whatsapp.forNumber) return platform;
  const row = await deps.db.whatsAppConfig.findUnique({ where: { userId }, select: { id: true, isActive: true, phoneNumberId: true, displayPhoneNumber: true, ...sealedSelect } });
  if (!row?.isActive || !row.accessTokenCiphertext) return platform;
  let token: string;
  try {
    token = whatsappConfigKeyring({ llmKeys: deps.llmKeys ?? deps.config?.llmKeys }).open({ ciphertext: row.accessTokenCiphertext, iv: row.accessTokenIv, authTag: row.accessTokenAuthTag ?? '' }, row.encryptionKeyId, whatsappTokenContext(userId, row.phoneNumberId));
  } catch {
    deps.logger.warn({ userId, whatsappConfigId: row.id, kek: row.encryptionKeyId }, 'whatsapp config token does not open; sending from the platform number');
    return platform;
  }
  const display = row.displayPhoneNumber ? `+${row.displayPhoneNumber.replace(/\D/g, '')}` : null;
  return { whatsapp: deps.whatsapp.forNumber(row.phoneNumberId, token), phoneNumberId: row.phoneNumberId, fromPhone: display, configId: row.id };
}
