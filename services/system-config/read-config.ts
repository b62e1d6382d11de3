// Reads typed system config (domain/system-config/keys.ts), falling back to the default when
// a key is unset. Stored values are validated again on read.
import { SYSTEM_CONFIG, type SystemConfigKey, type SystemConfigValue } from '../../domain/system-config/keys.js';
import type { Db } from '../../infra/prisma.js';

export async function readConfig<K extends SystemConfigKey>(db: Pick<Db, 'systemConfig'>, key: K): Promise<SystemConfigValue<K>> {
  const row = await db.systemConfig.findUnique({ where: { key }, select: { value: true } });
  const def = SYSTEM_CONFIG[key];
  if (!row) return def.default as SystemConfigValue<K>;
  const parsed = def.schema.safeParse(row.value);
  return (parsed.success ? parsed.data : def.default) as SystemConfigValue<K>;
}
