// External postings: a recruiter's linked HR platform accounts (credentials sealed with
// AES-256-GCM, never returned) and the record of where each job is posted, whose status moves
// along domain/job-platform-posting/status.ts.
import { DomainError } from '../../domain/errors.js';
import { jobPlatformPostingLifecycle, type JobPlatformPostingStatus } from '../../domain/job-platform-posting/status.js';
import { createCredentialsCipher } from '../../infra/credentials-cipher.js';
import type { Db } from '../../infra/prisma.js';
import { type Prisma, type HrPlatformAccount, type JobPlatformPosting } from '../../prisma/generated/client.js';
import type { AuthContext, ServiceDeps } from '../deps.js';
import { jobForRecruiter, type RecruiterScope } from './job-access.js';
import { ownerWhere } from './ownership.js';
import { isUniqueViolation } from '../../infra/prisma-errors.js';

type Deps = Pick<ServiceDeps, 'db' | 'config'>;

/** The associated data a sealed credential is bound to: its account's identity. */
const sealContext = (a: { userId: string; platformId: string; externalAccountId: string }) => `hr_platform_accounts:${a.userId}:${a.platformId}:${a.externalAccountId}`;

const cipher = (deps: Deps) => createCredentialsCipher(deps.config.hrCredentialsKey);

export function sealCredentials(deps: Deps, account: { userId: string; platformId: string; externalAccountId: string }, credentials: Record<string, string>): string {
  return cipher(deps).encrypt(JSON.stringify(credentials), sealContext(account));
}

/** For the adapters that post jobs: the account's credentials in clear (never sent to a client). */
export function openCredentials(deps: Deps, account: Pick<HrPlatformAccount, 'userId' | 'platformId' | 'externalAccountId' | 'encryptedCredentials'>): Record<string, string> | null {
  if (!account.encryptedCredentials) return null;
  return JSON.parse(cipher(deps).decrypt(account.encryptedCredentials, sealContext(account))) as Record<string, string>;
}

export function toAccountView(a: HrPlatformAccount & { platform: { key: string } }) {
  return {
    id: a.id,
    userId: a.userId,
    platform: a.platform.key,
    displayName: a.displayName,
    externalAccountId: a.externalAccountId,
    email: a.email,
    hasCredentials: a.encryptedCredentials !== null,
    tokenExpiresAt: a.tokenExpiresAt?.toISOString() ?? null,
    status: a.status,
    lastSyncedAt: a.lastSyncedAt?.toISOString() ?? null,
    lastError: a.lastError,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}

async function platformId(db: Db, key: string): Promise<string> {
  const p = await db.platform.findFirst({ where: { key, isActive: true }, select: { id: true } });
  if (!p) throw new DomainError('UNPROCESSABLE', `Unknown platform ${key}`, [{ path: 'json.platform', message: 'No active platform with this key' }]);
  return p.id;
}

export interface AccountInput {
  platform: string;
  externalAccountId: string;
  displayName?: string | null | undefined;
  email?: string | null | undefined;
  credentials?: Record<string, string> | undefined;
  tokenExpiresAt?: string | null | undefined;
}

const withPlatform = { platform: { select: { key: true } } } as const;

export async function linkAccount(deps: Deps, actor: AuthContext, input: AccountInput) {
  const pid = await platformId(deps.db, input.platform);
  const ident = { userId: actor.userId, platformId: pid, externalAccountId: input.externalAccountId };
  try {
    const row = await deps.db.hrPlatformAccount.create({
      data: {
        ...ident,
        displayName: input.displayName ?? null,
        email: input.email ?? null,
        tokenExpiresAt: input.tokenExpiresAt ? new Date(input.tokenExpiresAt) : null,
        encryptedCredentials: input.credentials ? sealCredentials(deps, ident, input.credentials) : null,
      },
      include: withPlatform,
    });
    return toAccountView(row);
  } catch (err) {
    if (isUniqueViolation(err)) throw new DomainError('CONFLICT', 'This account is linked already');
    throw err;
  }
}

export function listAccounts(deps: Deps, actor: AuthContext, page: { where: Prisma.HrPlatformAccountWhereInput; orderBy: Prisma.HrPlatformAccountOrderByWithRelationInput[]; take: number }) {
  return deps.db.hrPlatformAccount.findMany({ where: { AND: [page.where, ownerWhere(actor)] }, orderBy: page.orderBy, take: page.take, include: withPlatform });
}

async function reachAccount(deps: Deps, actor: AuthContext, id: string) {
  const row = await deps.db.hrPlatformAccount.findFirst({ where: { id, ...ownerWhere(actor) }, include: withPlatform });
  if (!row) throw new DomainError('NOT_FOUND', `HR platform account ${id} does not exist`);
  return row;
}

export async function getAccount(deps: Deps, actor: AuthContext, id: string) {
  return toAccountView(await reachAccount(deps, actor, id));
}

export async function updateAccount(
  deps: Deps,
  actor: AuthContext,
  id: string,
  changes: { displayName?: string | null | undefined; email?: string | null | undefined; credentials?: Record<string, string> | null | undefined; tokenExpiresAt?: string | null | undefined; status?: 'connected' | 'expired' | 'disconnected' | 'error' | undefined },
) {
  const current = await reachAccount(deps, actor, id);
  const data: Prisma.HrPlatformAccountUpdateInput = {};
  if (changes.displayName !== undefined) data.displayName = changes.displayName;
  if (changes.email !== undefined) data.email = changes.email;
  if (changes.status !== undefined) data.status = changes.status;
  if (changes.tokenExpiresAt !== undefined) data.tokenExpiresAt = changes.tokenExpiresAt === null ? null : new Date(changes.tokenExpiresAt);
  if (changes.credentials !== undefined) data.encryptedCredentials = changes.credentials === null ? null : sealCredentials(deps, current, changes.credentials);
  return toAccountView(await deps.db.hrPlatformAccount.update({ where: { id }, data, include: withPlatform }));
}

export async function unlinkAccount(deps: Deps, actor: AuthContext, id: string) {
  const { count } = await deps.db.hrPlatformAccount.deleteMany({ where: { id, ...ownerWhere(actor) } });
  if (count === 0) throw new DomainError('NOT_FOUND', `HR platform account ${id} does not exist`);
}

export function toPostingView(p: JobPlatformPosting & { platform: { key: string } }) {
  return {
    id: p.id,
    jobPostId: p.jobPostId,
    platform: p.platform.key,
    hrPlatformAccountId: p.hrPlatformAccountId,
    status: p.status,
    externalPostingId: p.externalPostingId,
    externalUrl: p.externalUrl,
    postedAt: p.postedAt?.toISOString() ?? null,
    expiresAt: p.expiresAt?.toISOString() ?? null,
    lastSyncedAt: p.lastSyncedAt?.toISOString() ?? null,
    applicationsCount: p.applicationsCount,
    errorMessage: p.errorMessage,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

/** Record that a job is (to be) posted on a platform, optionally through one of the owner's accounts. */
export async function createPosting(deps: Deps, scope: RecruiterScope, jobPostId: string, input: { platform: string; hrPlatformAccountId?: string | undefined; externalUrl?: string | undefined; expiresAt?: string | undefined }) {
  const job = await jobForRecruiter(deps.db, scope, jobPostId, { status: true, belongsTo: true });
  if (job.status === 'closed') throw new DomainError('CONFLICT', 'A closed job post cannot be posted');
  const pid = await platformId(deps.db, input.platform);
  if (input.hrPlatformAccountId) {
    const account = await deps.db.hrPlatformAccount.findFirst({ where: { id: input.hrPlatformAccountId, platformId: pid, ...ownerWhere(scope.actor) }, select: { id: true } });
    if (!account) throw new DomainError('UNPROCESSABLE', 'No such account of yours on this platform', [{ path: 'json.hrPlatformAccountId', message: 'Not one of your accounts on this platform' }]);
  }
  const row = await deps.db.jobPlatformPosting.create({
    data: { jobPostId, platformId: pid, hrPlatformAccountId: input.hrPlatformAccountId ?? null, externalUrl: input.externalUrl ?? null, expiresAt: input.expiresAt ? new Date(input.expiresAt) : null },
    include: withPlatform,
  });
  return toPostingView(row);
}

export async function listPostings(deps: Deps, scope: RecruiterScope, jobPostId: string) {
  await jobForRecruiter(deps.db, scope, jobPostId, { id: true });
  const rows = await deps.db.jobPlatformPosting.findMany({ where: { jobPostId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: 200, include: withPlatform });
  return rows.map(toPostingView);
}

export interface PostingUpdate {
  status?: JobPlatformPostingStatus | undefined;
  externalPostingId?: string | null | undefined;
  externalUrl?: string | null | undefined;
  expiresAt?: string | null | undefined;
  errorMessage?: string | null | undefined;
  applicationsCount?: number | undefined;
}

/** Change a posting; a status move must be allowed by its lifecycle (409 otherwise), and wins only over the status it read. */
export async function updatePosting(deps: Deps, scope: RecruiterScope, jobPostId: string, postingId: string, changes: PostingUpdate) {
  await jobForRecruiter(deps.db, scope, jobPostId, { id: true });
  const current = await deps.db.jobPlatformPosting.findFirst({ where: { id: postingId, jobPostId } });
  if (!current) throw new DomainError('NOT_FOUND', `Posting ${postingId} does not exist`);
  const data: Prisma.JobPlatformPostingUpdateManyMutationInput = {};
  if (changes.status !== undefined && changes.status !== current.status) {
    jobPlatformPostingLifecycle.assertTransition(current.status, changes.status);
    data.status = changes.status;
    if (changes.status === 'posted') data.postedAt = new Date();
    if (changes.status === 'pending') data.errorMessage = null;
  } else if (jobPlatformPostingLifecycle.isTerminal(current.status)) {
    throw new DomainError('CONFLICT', 'A removed posting cannot change');
  }
  const next = changes.status ?? current.status;
  if (next === 'posted' && !(changes.externalPostingId ?? current.externalPostingId)) {
    throw new DomainError('VALIDATION_FAILED', 'A posted posting needs its external id', [{ path: 'json.externalPostingId', message: 'Required when status is posted' }]);
  }
  if (changes.externalPostingId !== undefined) data.externalPostingId = changes.externalPostingId;
  if (changes.externalUrl !== undefined) data.externalUrl = changes.externalUrl;
  if (changes.expiresAt !== undefined) data.expiresAt = changes.expiresAt === null ? null : new Date(changes.expiresAt);
  if (changes.errorMessage !== undefined) data.errorMessage = changes.errorMessage;
  if (changes.applicationsCount !== undefined) data.applicationsCount = changes.applicationsCount;
  try {
    const { count } = await deps.db.jobPlatformPosting.updateMany({ where: { id: postingId, status: current.status }, data });
    if (count === 0) throw new DomainError('CONFLICT', 'The posting changed meanwhile; read it again');
  } catch (err) {
    if (isUniqueViolation(err)) throw new DomainError('CONFLICT', 'Another posting on this platform has this external id', [{ path: 'json.externalPostingId', message: 'Already used' }]);
    throw err;
  }
  return toPostingView(await deps.db.jobPlatformPosting.findUniqueOrThrow({ where: { id: postingId }, include: withPlatform }));
}
