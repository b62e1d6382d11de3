// Sync credentials (mrlearn/mrtest auth_credentials): the client secret and the cached access
// token sealed with AES-256-GCM under the sync keyring (infra/kek-keyring.ts), the KEK id in
// encryptionKeyId and `sync_credentials:v1:<system>:<id>:<field>` as associated data, so a
// ciphertext copied to another row or field does not open. A save is checked first: the
// learning system must issue a token for the client, or nothing is written (422).
// The invariant: the secret and tokens leave this module only inside openSyncApi's client; no
// view, log line or error carries them.
import { randomUUID } from 'node:crypto';
import { baseUrlProblem, normaliseBaseUrl } from '../../domain/ai/llm-keys.js';
import { DomainError } from '../../domain/errors.js';
import { SYNC_SYSTEM_INFO, type SyncSystem } from '../../domain/sync/systems.js';
import { createLmsApiClient, LmsApiError, type AccessToken, type LmsApiClient } from '../../providers/lib/lms-api-client.js';
import type { Db } from '../../infra/prisma.js';
import { syncKeyring, syncSetting, type SyncDeps } from './settings.js';
import { isUniqueViolation } from '../../infra/prisma-errors.js';

type CredentialsDeps = Pick<SyncDeps, 'db' | 'logger' | 'config'>;

/** Both systems' tables have the same columns; the Mr Learn delegate stands for either. */
export function credentialsTable(db: Db, system: SyncSystem) {
  return (system === 'mrlearn' ? db.mrLearnAuthCredentials : db.mrTestAuthCredentials) as unknown as Db['mrLearnAuthCredentials'];
}

export const credentialsContext = (system: SyncSystem, id: string, field: 'secret' | 'token') => `sync_credentials:v1:${system}:${id}:${field}`;

export const credentialsSelect = {
  id: true,
  name: true,
  baseUrl: true,
  clientId: true,
  encryptionKeyId: true,
  tokenExpiresAt: true,
  isActive: true,
  lastAuthenticatedAt: true,
  lastAuthError: true,
  createdAt: true,
  updatedAt: true,
} as const;

interface CredentialsRow {
  id: string;
  name: string;
  baseUrl: string;
  clientId: string;
  encryptionKeyId: string;
  tokenExpiresAt: Date | null;
  isActive: boolean;
  lastAuthenticatedAt: Date | null;
  lastAuthError: string | null;
  createdAt: Date;
  updatedAt: Date;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;
export function toCredentialsView(system: SyncSystem, r: CredentialsRow) {
  return {
    id: r.id,
    system,
    name: r.name,
    baseUrl: r.baseUrl,
    clientId: r.clientId,
    encryptionKeyId: r.encryptionKeyId,
    hasAccessToken: r.tokenExpiresAt !== null,
    tokenExpiresAt: iso(r.tokenExpiresAt),
    isActive: r.isActive,
    lastAuthenticatedAt: iso(r.lastAuthenticatedAt),
    lastAuthError: r.lastAuthError,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}
export type CredentialsView = ReturnType<typeof toCredentialsView>;

export interface SaveCredentialsInput {
  name: string;
  baseUrl: string;
  clientId: string;
  clientSecret: string;
}

function checkedBaseUrl(deps: CredentialsDeps, raw: string): string {
  const baseUrl = normaliseBaseUrl(raw);
  const problem = baseUrlProblem(baseUrl, deps.config.sync?.allowHttpBaseUrl ?? false);
  if (problem) throw new DomainError('UNPROCESSABLE', `The baseUrl ${problem}`, [{ path: 'body.baseUrl', message: problem }]);
  return baseUrl;
}

/** Asks the learning system for a token with these credentials; 422 (with our words, never its body) when it will not. */
async function checkCredentials(deps: CredentialsDeps, system: SyncSystem, input: { baseUrl: string; clientId: string; clientSecret: string }): Promise<AccessToken> {
  const label = SYNC_SYSTEM_INFO[system].label;
  const client = createLmsApiClient({ provider: system, vendorName: label, ...input, timeoutMs: syncSetting(deps, 'httpTimeoutMs'), maxAttempts: 2, backoffBaseMs: syncSetting(deps, 'backoffBaseMs'), maxRetryAfterSeconds: 5 });
  try {
    return await client.accessToken();
  } catch (err) {
    const reason = err instanceof LmsApiError ? (err.retryable ? `could not be reached (${err.kind})` : `refused the client (${err.status ?? 'no answer'} ${err.code})`) : 'could not be reached';
    deps.logger.info({ system, clientId: input.clientId, reason }, 'sync credentials check failed');
    throw new DomainError('UNPROCESSABLE', `${label} at ${input.baseUrl} ${reason}: nothing was saved`, [{ path: 'body.clientSecret', message: `credentials check failed: ${reason}` }]);
  }
}

function sealAll(deps: CredentialsDeps, system: SyncSystem, id: string, secret: string, token: AccessToken | null) {
  const ring = syncKeyring(deps.config.sync);
  const s = ring.seal(secret, credentialsContext(system, id, 'secret'));
  const t = token ? ring.seal(token.accessToken, credentialsContext(system, id, 'token')) : null;
  return {
    secretCiphertext: s.ciphertext,
    secretIv: s.iv,
    secretAuthTag: s.authTag,
    encryptionKeyId: s.keyId,
    accessTokenCiphertext: t?.ciphertext ?? null,
    accessTokenIv: t?.iv ?? null,
    accessTokenAuthTag: t?.authTag ?? null,
    tokenExpiresAt: token?.expiresAt ?? null,
  };
}

export async function createSyncCredentials(deps: CredentialsDeps, system: SyncSystem, input: SaveCredentialsInput): Promise<CredentialsView> {
  const baseUrl = checkedBaseUrl(deps, input.baseUrl);
  const token = await checkCredentials(deps, system, { baseUrl, clientId: input.clientId, clientSecret: input.clientSecret });
  const id = randomUUID();
  try {
    const row = await credentialsTable(deps.db, system).create({
      data: { id, name: input.name, baseUrl, clientId: input.clientId, ...sealAll(deps, system, id, input.clientSecret, token), lastAuthenticatedAt: new Date() },
      select: credentialsSelect,
    });
    deps.logger.info({ system, credentialsId: id, kek: row.encryptionKeyId }, 'sync credentials saved');
    return toCredentialsView(system, row);
  } catch (err) {
    if (isUniqueViolation(err)) throw new DomainError('CONFLICT', `Credentials named "${input.name}" already exist`, [{ path: 'body.name', message: 'taken' }]);
    throw err;
  }
}

export interface UpdateCredentialsInput {
  name?: string;
  baseUrl?: string;
  clientId?: string;
  clientSecret?: string;
  isActive?: boolean;
}

/** A new baseUrl, clientId or secret is checked like a new save and re-seals the row (the old token is dropped). */
export async function updateSyncCredentials(deps: CredentialsDeps, system: SyncSystem, id: string, input: UpdateCredentialsInput): Promise<CredentialsView> {
  const table = credentialsTable(deps.db, system);
  const current = await table.findUnique({ where: { id } });
  if (!current) throw new DomainError('NOT_FOUND', 'No such credentials');
  const data: Record<string, unknown> = {};
  if (input.name !== undefined) data.name = input.name;
  if (input.isActive !== undefined) data.isActive = input.isActive;
  if (input.baseUrl !== undefined || input.clientId !== undefined || input.clientSecret !== undefined) {
    const baseUrl = input.baseUrl !== undefined ? checkedBaseUrl(deps, input.baseUrl) : current.baseUrl;
    const clientId = input.clientId ?? current.clientId;
    const secret = input.clientSecret ?? openSecret(deps, system, current);
    const token = await checkCredentials(deps, system, { baseUrl, clientId, clientSecret: secret });
    Object.assign(data, { baseUrl, clientId, ...sealAll(deps, system, id, secret, token), lastAuthenticatedAt: new Date(), lastAuthError: null });
  }
  try {
    // Conditional on the row read, so a parallel re-seal or update is not overwritten with stale ciphertext.
    const { count } = await table.updateMany({ where: { id, secretCiphertext: current.secretCiphertext }, data });
    if (count === 0) throw new DomainError('CONFLICT', 'The credentials changed while this update ran: read them again and retry');
  } catch (err) {
    if (isUniqueViolation(err)) throw new DomainError('CONFLICT', `Credentials named "${input.name}" already exist`, [{ path: 'body.name', message: 'taken' }]);
    throw err;
  }
  return getSyncCredentials(deps, system, id);
}

export async function getSyncCredentials(deps: Pick<SyncDeps, 'db'>, system: SyncSystem, id: string): Promise<CredentialsView> {
  const row = await credentialsTable(deps.db, system).findUnique({ where: { id }, select: credentialsSelect });
  if (!row) throw new DomainError('NOT_FOUND', 'No such credentials');
  return toCredentialsView(system, row);
}

export async function listSyncCredentials(deps: Pick<SyncDeps, 'db'>, system: SyncSystem, page: { where: object; orderBy: object[]; take: number }) {
  const rows = await credentialsTable(deps.db, system).findMany({ where: page.where, orderBy: page.orderBy as never, take: page.take, select: credentialsSelect });
  return rows;
}

interface SealedRow {
  id: string;
  secretCiphertext: string;
  secretIv: string;
  secretAuthTag: string | null;
  encryptionKeyId: string;
  accessTokenCiphertext: string | null;
  accessTokenIv: string | null;
  accessTokenAuthTag: string | null;
  tokenExpiresAt: Date | null;
}

function openSecret(deps: CredentialsDeps, system: SyncSystem, row: SealedRow): string {
  return syncKeyring(deps.config.sync).open({ ciphertext: row.secretCiphertext, iv: row.secretIv, authTag: row.secretAuthTag ?? '' }, row.encryptionKeyId, credentialsContext(system, row.id, 'secret'));
}

function openToken(deps: CredentialsDeps, system: SyncSystem, row: SealedRow): AccessToken | null {
  if (!row.accessTokenCiphertext || !row.accessTokenIv || !row.tokenExpiresAt) return null;
  try {
    const accessToken = syncKeyring(deps.config.sync).open({ ciphertext: row.accessTokenCiphertext, iv: row.accessTokenIv, authTag: row.accessTokenAuthTag ?? '' }, row.encryptionKeyId, credentialsContext(system, row.id, 'token'));
    return { accessToken, expiresAt: row.tokenExpiresAt };
  } catch {
    return null; // a token that does not open is only a cache miss
  }
}

/**
 * Keeps a new access token, sealed, for the next run. Secret and token are sealed afresh
 * together, under the active KEK, so they always share the row's encryptionKeyId; the write is
 * conditional on the ciphertext read, so a parallel update or re-seal wins over it.
 */
export async function saveSyncToken(deps: CredentialsDeps, system: SyncSystem, id: string, token: AccessToken): Promise<void> {
  const table = credentialsTable(deps.db, system);
  const row = await table.findUnique({ where: { id } });
  if (!row) return;
  let secret: string;
  try {
    secret = openSecret(deps, system, row);
  } catch {
    return;
  }
  await table.updateMany({
    where: { id, secretCiphertext: row.secretCiphertext },
    data: { ...sealAll(deps, system, id, secret, token), lastAuthenticatedAt: new Date(), lastAuthError: null },
  });
}

export async function recordSyncAuthError(deps: Pick<SyncDeps, 'db'>, system: SyncSystem, id: string, message: string): Promise<void> {
  await credentialsTable(deps.db, system).updateMany({ where: { id }, data: { lastAuthError: message.slice(0, 1000) } });
}

/** A client for the credentials' learning system; new tokens are saved as they come. 422 when inactive or missing. */
export async function openSyncApi(deps: CredentialsDeps, system: SyncSystem, credentialsId: string): Promise<LmsApiClient> {
  const row = await credentialsTable(deps.db, system).findUnique({ where: { id: credentialsId } });
  if (!row) throw new DomainError('UNPROCESSABLE', `The sync config's credentials ${credentialsId} do not exist`);
  if (!row.isActive) throw new DomainError('UNPROCESSABLE', `The credentials "${row.name}" are deactivated`);
  let clientSecret: string;
  try {
    clientSecret = openSecret(deps, system, row);
  } catch {
    throw new DomainError('UNPROCESSABLE', `The credentials "${row.name}" do not open with the configured KEKs (key id ${row.encryptionKeyId})`);
  }
  return createLmsApiClient({
    provider: system,
    vendorName: SYNC_SYSTEM_INFO[system].label,
    baseUrl: row.baseUrl,
    clientId: row.clientId,
    clientSecret,
    token: openToken(deps, system, row),
    onToken: (t) => saveSyncToken(deps, system, credentialsId, t),
    timeoutMs: syncSetting(deps, 'httpTimeoutMs'),
    maxRetryAfterSeconds: syncSetting(deps, 'maxRetryAfterSeconds'),
    backoffBaseMs: syncSetting(deps, 'backoffBaseMs'),
  });
}
