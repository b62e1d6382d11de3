// Typed system config (SUPERADMIN): values validated per key, every change audited with the
// old and new value, and optional compare-and-set on the version.
import { DomainError } from '../../domain/errors.js';
import { isSystemConfigKey, SYSTEM_CONFIG } from '../../domain/system-config/keys.js';
import { Prisma } from '../../prisma/generated/client.js';
import type { ServiceDeps } from '../deps.js';

type Deps = Pick<ServiceDeps, 'db'>;

/** Every known key, with its stored value or the default. */
export async function listConfig({ db }: Deps) {
  const rows = await db.systemConfig.findMany({ where: { key: { in: Object.keys(SYSTEM_CONFIG) } } });
  const byKey = new Map(rows.map((r) => [r.key, r]));
  return Object.entries(SYSTEM_CONFIG).map(([key, def]) => {
    const row = byKey.get(key);
    return { key, description: def.description, value: row?.value ?? def.default, default: def.default, isDefault: !row, version: row?.version ?? 0, updatedAt: row?.updatedAt.toISOString() ?? null };
  });
}

export async function putConfig({ db }: Deps, actorId: string, key: string, body: { value: unknown; expectedVersion?: number | undefined }) {
  if (!isSystemConfigKey(key)) throw new DomainError('NOT_FOUND', `Unknown config key "${key}"`);
  const def = SYSTEM_CONFIG[key];
  const parsed = def.schema.safeParse(body.value);
  if (!parsed.success) {
    throw new DomainError('VALIDATION_FAILED', `The value does not fit ${key}`, parsed.error.issues.map((i) => ({ path: ['json', 'value', ...i.path].join('.'), message: i.message })));
  }
  const { expectedVersion } = body;
  const saved = await db
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
  return { key, description: def.description, value: saved.value, default: def.default, isDefault: false, version: saved.version, updatedAt: saved.updatedAt.toISOString() };
}

/** A key's audit trail, newest first: who changed it, from what, to what. */
export async function configChanges({ db }: Deps, key: string, page: { where: Prisma.SystemConfigChangeWhereInput; orderBy: Prisma.SystemConfigChangeOrderByWithRelationInput[]; take: number }) {
  if (!isSystemConfigKey(key)) throw new DomainError('NOT_FOUND', `Unknown config key "${key}"`);
  const rows = await db.systemConfigChange.findMany({ where: { AND: [page.where, { key }] }, orderBy: page.orderBy, take: page.take, include: { changedBy: { select: { id: true, email: true } } } });
  return rows.map((r) => ({ id: r.id, key: r.key, version: r.version, oldValue: r.oldValue, newValue: r.newValue, changedBy: r.changedBy, createdAt: r.createdAt }));
}
