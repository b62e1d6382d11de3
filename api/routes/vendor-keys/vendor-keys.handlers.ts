// Vendor API key admin: issue, list, disable/enable, revoke and rotate. The full key exists
// only in the 201 response that issues it; the table keeps its SHA-256 and prefix. Every
// status change goes through the vendor-api-key lifecycle and a conditional update.
import type { RouteHandler, z } from '@hono/zod-openapi';
import { vendorApiKeyLifecycle, type VendorApiKeyStatus } from '../../../domain/vendor-api-key/status.js';
import { generateApiKey } from '../../../infra/auth/api-keys.js';
import type { Prisma } from '../../../prisma/generated/client.js';
import type { Tx } from '../../../services/crm/lead-capture.js';
import type { AppEnv } from '../../deps.js';
import { keyset, toPage } from '../../pagination.js';
import { DomainError } from '../../../domain/errors.js';
import type {
  createVendorKeyRoute,
  disableVendorKeyRoute,
  enableVendorKeyRoute,
  listVendorKeysRoute,
  revokeVendorKeyRoute,
  rotateVendorKeyRoute,
  VendorKey,
} from './vendor-keys.routes.js';

/** Every column but the hash. */
const keySelect = {
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
function toVendorKey(k: KeyRow): z.infer<typeof VendorKey> {
  return { ...k, lastUsedAt: iso(k.lastUsedAt), expiresAt: iso(k.expiresAt), revokedAt: iso(k.revokedAt), createdAt: k.createdAt.toISOString(), updatedAt: k.updatedAt.toISOString() };
}

const unprocessable = (path: string, detail: string) => new DomainError('UNPROCESSABLE', detail, [{ path, message: detail }]);

export const createVendorKeyHandler: RouteHandler<typeof createVendorKeyRoute, AppEnv> = async (c) => {
  const body = c.req.valid('json');
  const { db } = c.var.deps;
  const platform = body.platform ?? (c.get('platformExplicit') ? c.get('platform') : undefined);
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
      createdById: c.get('auth')!.userId,
    },
    select: keySelect,
  });
  return c.json({ apiKey: key, key: toVendorKey(row) }, 201);
};

export const listVendorKeysHandler: RouteHandler<typeof listVendorKeysRoute, AppEnv> = async (c) => {
  const { cursor, limit, status, vendorName } = c.req.valid('query');
  const page = keyset(cursor);
  const rows = await c.var.deps.db.vendorApiKey.findMany({
    where: { AND: [page.where, status ? { status } : {}, vendorName ? { vendorName: { equals: vendorName, mode: 'insensitive' } } : {}] },
    orderBy: page.orderBy,
    take: limit + 1,
    select: keySelect,
  });
  const { items, nextCursor } = toPage(rows, limit);
  return c.json({ items: items.map(toVendorKey), nextCursor }, 200);
};

/** Moves a key to `to` if the lifecycle allows it (409 otherwise) and nobody moved it first. */
async function transition(tx: Tx, id: string, to: VendorApiKeyStatus, actorId: string, extra: Prisma.VendorApiKeyUpdateManyMutationInput = {}) {
  const current = await tx.vendorApiKey.findUnique({ where: { id }, select: keySelect });
  if (!current) throw new DomainError('NOT_FOUND', 'No such vendor API key');
  vendorApiKeyLifecycle.assertTransition(current.status, to); // DomainError ILLEGAL_TRANSITION → 409
  const { count } = await tx.vendorApiKey.updateMany({ where: { id, status: current.status }, data: { status: to, updatedById: actorId, ...extra } });
  if (count === 0) throw new DomainError('CONFLICT', 'The key changed concurrently; read it again');
  return current;
}

function statusHandler(to: 'ACTIVE' | 'DISABLED'): RouteHandler<typeof disableVendorKeyRoute | typeof enableVendorKeyRoute, AppEnv> {
  return async (c) => {
    const { id } = c.req.valid('param');
    const { db } = c.var.deps;
    const row = await db.$transaction(async (tx) => {
      await transition(tx, id, to, c.get('auth')!.userId);
      return tx.vendorApiKey.findUniqueOrThrow({ where: { id }, select: keySelect });
    });
    return c.json(toVendorKey(row), 200);
  };
}

export const disableVendorKeyHandler = statusHandler('DISABLED');
export const enableVendorKeyHandler = statusHandler('ACTIVE');

export const revokeVendorKeyHandler: RouteHandler<typeof revokeVendorKeyRoute, AppEnv> = async (c) => {
  const { id } = c.req.valid('param');
  const { reason } = c.req.valid('json');
  const row = await c.var.deps.db.$transaction(async (tx) => {
    await transition(tx, id, 'REVOKED', c.get('auth')!.userId, { revokedAt: new Date(), revokedReason: reason ?? 'revoked by an admin' });
    return tx.vendorApiKey.findUniqueOrThrow({ where: { id }, select: keySelect });
  });
  return c.json(toVendorKey(row), 200);
};

export const rotateVendorKeyHandler: RouteHandler<typeof rotateVendorKeyRoute, AppEnv> = async (c) => {
  const { id } = c.req.valid('param');
  const actorId = c.get('auth')!.userId;
  const { key, prefix, hash } = generateApiKey();
  const row = await c.var.deps.db.$transaction(async (tx) => {
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
  return c.json({ apiKey: key, key: toVendorKey(row) }, 201);
};
