// Vendor API key admin: issue, list, disable/enable, revoke and rotate. The full key exists
// only in the answer that issues it; the table keeps its SHA-256 and prefix. Every status
// change goes through the vendor-api-key lifecycle and a conditional update.
import { DomainError } from '../../domain/errors.js';
import { vendorApiKeyLifecycle, type VendorApiKeyStatus } from '../../domain/vendor-api-key/status.js';
import { generateApiKey } from '../../infra/auth/api-keys.js';
import type { Prisma } from '../../prisma/generated/client.js';
import type { Tx } from '../crm/lead-capture.js';
import type { ServiceDeps } from '../deps.js';

type Deps = Pick<ServiceDeps, 'db'>;

/** Every column but the hash. */
export const keySelect = {
  id: true,
  name: true,
  vendorName: true,
  keyPrefix: true,
  status: true,
  scopes: true,
  rateLimitPerMinute: true,
  platform: true,
  defaultSessionYear: true,
  defaultSalesHeadId: true,
  lastUsedAt: true,
  expiresAt: true,
  revokedAt: true,
  revokedReason: true,
  createdById: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.VendorApiKeySelect;
type KeyRow = Prisma.VendorApiKeyGetPayload<{ select: typeof keySelect }>;

const iso = (d: Date | null) => d?.toISOString() ?? null;
export function toVendorKey(k: KeyRow) {
  return { ...k, lastUsedAt: iso(k.lastUsedAt), expiresAt: iso(k.expiresAt), revokedAt: iso(k.revokedAt), createdAt: k.createdAt.toISOString(), updatedAt: k.updatedAt.toISOString() };
}

const unprocessable = (path: string, detail: string) => new DomainError('UNPROCESSABLE', detail, [{ path, message: detail }]);

export interface NewVendorKey {
  name: string;
  vendorName: string;
  scopes: string[];
  rateLimitPerMinute: number;
  /** The explicit platform, else the request's x-platform when one was sent. */
  platform?: string | undefined;
  defaultSessionYear?: string | undefined;
  defaultSalesHeadId?: string | undefined;
  expiresAt?: string | undefined;
}

export async function createVendorKey({ db }: Deps, actorId: string, body: NewVendorKey) {
  const { platform } = body;
  if (platform && !(await db.platform.count({ where: { key: platform, isActive: true } }))) throw unprocessable('json.platform', `Unknown platform "${platform}"`);
  if (body.defaultSalesHeadId) {
    const head = await db.user.findUnique({ where: { id: body.defaultSalesHeadId }, select: { role: true, isActive: true } });
    if (head?.role !== 'SALES' || !head.isActive) throw unprocessable('json.defaultSalesHeadId', 'The default sales head must be an active SALES user');
  }
  const expiresAt = body.expiresAt ? new Date(body.expiresAt) : null;
  if (expiresAt && expiresAt.getTime() <= Date.now()) throw unprocessable('json.expiresAt', 'The expiry is in the past');
  const { key, prefix, hash } = generateApiKey();
  const row = await db.vendorApiKey.create({
    data: {
      name: body.name,
      vendorName: body.vendorName,
      keyHash: hash,
      keyPrefix: prefix,
      scopes: body.scopes,
      rateLimitPerMinute: body.rateLimitPerMinute,
      ...(platform ? { platform } : {}),
      defaultSessionYear: body.defaultSessionYear ?? null,
      defaultSalesHeadId: body.defaultSalesHeadId ?? null,
      expiresAt,
      createdById: actorId,
    },
    select: keySelect,
  });
  return { apiKey: key, key: toVendorKey(row) };
}

/** One page (the caller's keyset `where`/`orderBy`, limit + 1 rows) of keys. */
export function listVendorKeys(
  { db }: Deps,
  q: { page: { where: Prisma.VendorApiKeyWhereInput; orderBy: Prisma.VendorApiKeyOrderByWithRelationInput[] }; take: number; status?: VendorApiKeyStatus | undefined; vendorName?: string | undefined },
) {
  return db.vendorApiKey.findMany({
    where: { AND: [q.page.where, q.status ? { status: q.status } : {}, q.vendorName ? { vendorName: { equals: q.vendorName, mode: 'insensitive' } } : {}] },
    orderBy: q.page.orderBy,
    take: q.take,
    select: keySelect,
  });
}

/** Moves a key to `to` if the lifecycle allows it (409 otherwise) and nobody moved it first. */
async function transition(tx: Tx, id: string, to: VendorApiKeyStatus, actorId: string, extra: Prisma.VendorApiKeyUpdateManyMutationInput = {}) {
  const current = await tx.vendorApiKey.findUnique({ where: { id }, select: keySelect });
  if (!current) throw new DomainError('NOT_FOUND', 'No such vendor API key');
  vendorApiKeyLifecycle.assertTransition(current.status, to); // DomainError ILLEGAL_TRANSITION → 409
  const { count } = await tx.vendorApiKey.updateMany({ where: { id, status: current.status }, data: { status: to, updatedById: actorId, ...extra } });
  if (count === 0) throw new DomainError('CONFLICT', 'The key changed concurrently; read it again');
  return current;
}

export async function setVendorKeyStatus({ db }: Deps, actorId: string, id: string, to: 'ACTIVE' | 'DISABLED') {
  const row = await db.$transaction(async (tx) => {
    await transition(tx, id, to, actorId);
    return tx.vendorApiKey.findUniqueOrThrow({ where: { id }, select: keySelect });
  });
  return toVendorKey(row);
}

export async function revokeVendorKey({ db }: Deps, actorId: string, id: string, reason: string | undefined) {
  const row = await db.$transaction(async (tx) => {
    await transition(tx, id, 'REVOKED', actorId, { revokedAt: new Date(), revokedReason: reason ?? 'revoked by an admin' });
    return tx.vendorApiKey.findUniqueOrThrow({ where: { id }, select: keySelect });
  });
  return toVendorKey(row);
}

/** Revokes the key and issues its replacement (same settings) in one transaction. */
export async function rotateVendorKey({ db }: Deps, actorId: string, id: string) {
  const { key, prefix, hash } = generateApiKey();
  const row = await db.$transaction(async (tx) => {
    const old = await transition(tx, id, 'REVOKED', actorId, { revokedAt: new Date(), revokedReason: `rotated: replaced by ${prefix}` });
    return tx.vendorApiKey.create({
      data: {
        name: old.name,
        vendorName: old.vendorName,
        keyHash: hash,
        keyPrefix: prefix,
        scopes: old.scopes,
        rateLimitPerMinute: old.rateLimitPerMinute,
        platform: old.platform,
        defaultSessionYear: old.defaultSessionYear,
        defaultSalesHeadId: old.defaultSalesHeadId,
        expiresAt: old.expiresAt,
        createdById: actorId,
      },
      select: keySelect,
    });
  });
  return { apiKey: key, key: toVendorKey(row) };
}
