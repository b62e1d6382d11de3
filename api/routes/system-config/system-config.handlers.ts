// Typed system config (SUPERADMIN): values validated per key, every change audited with the
// old and new value, and optional compare-and-set on the version.
import type { RouteHandler } from '@hono/zod-openapi';
import { isSystemConfigKey, SYSTEM_CONFIG } from '../../../domain/system-config/keys.js';
import { Prisma } from '../../../prisma/generated/client.js';
import type { AppEnv } from '../../deps.js';
import { DomainError } from '../../../domain/errors.js';
import type { listConfigRoute, putConfigRoute } from './system-config.routes.js';

export const listConfigHandler: RouteHandler<typeof listConfigRoute, AppEnv> = async (c) => {
  const rows = await c.var.deps.db.systemConfig.findMany({ where: { key: { in: Object.keys(SYSTEM_CONFIG) } } });
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const items = Object.entries(SYSTEM_CONFIG).map(([key, def]) => {
    const row = byKey.get(key);
    return { key, description: def.description, value: row?.value ?? def.default, default: def.default, isDefault: !row, version: row?.version ?? 0, updatedAt: row?.updatedAt.toISOString() ?? null };
  });
  return c.json({ items }, 200);
};

export const putConfigHandler: RouteHandler<typeof putConfigRoute, AppEnv> = async (c) => {
  const { key } = c.req.valid('param');
  const { value, expectedVersion } = c.req.valid('json');
  if (!isSystemConfigKey(key)) throw new DomainError('NOT_FOUND', `Unknown config key "${key}"`);
  const def = SYSTEM_CONFIG[key];
  const parsed = def.schema.safeParse(value);
  if (!parsed.success) {
    throw new DomainError('VALIDATION_FAILED', `The value does not fit ${key}`, parsed.error.issues.map((i) => ({ path: ['json', 'value', ...i.path].join('.'), message: i.message })));
  }
  const actorId = c.get('auth')!.userId;
  const saved = await c.var.deps.db
    .$transaction(async (tx) => {
    const current = await tx.systemConfig.findUnique({ where: { key } });
    const version = current?.version ?? 0;
    if (expectedVersion !== undefined && expectedVersion !== version) throw new DomainError('CONFLICT', `${key} is at version ${version}, not ${expectedVersion}`);
    const json = parsed.data as Prisma.InputJsonValue;
    const row = current
      ? await tx.systemConfig.update({ where: { key, version }, data: { value: json, version: version + 1, updatedById: actorId } })
      : await tx.systemConfig.create({ data: { key, value: json, description: def.description, updatedById: actorId } });
    await tx.systemConfigChange.create({
      data: { configId: row.id, key, oldValue: current ? (current.value as Prisma.InputJsonValue) : Prisma.DbNull, newValue: json, version: row.version, changedById: actorId },
    });
    return row;
    })
    .catch((err: unknown) => {
      // A concurrent writer got there first (version moved, or both created the key).
      if (err instanceof Prisma.PrismaClientKnownRequestError && (err.code === 'P2025' || err.code === 'P2002')) throw new DomainError('CONFLICT', `${key} changed concurrently; read it again`);
      throw err;
    });
  return c.json({ key, description: def.description, value: saved.value, default: def.default, isDefault: false, version: saved.version, updatedAt: saved.updatedAt.toISOString() }, 200);
};
