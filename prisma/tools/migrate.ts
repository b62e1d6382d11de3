// The offline migrate tool: apply, create and check migrations with Prisma's WASM schema
// engine. Migrations are recorded in _prisma_migrations exactly as `prisma migrate deploy` does.
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MigrationList, SchemaContainer } from '@prisma/schema-engine-wasm';
import { createSchemaEngine } from './engine.js';

const prismaDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const schemaDir = path.join(prismaDir, 'schema');
export const migrationsDir = path.join(prismaDir, 'migrations');
const filters = { externalTables: [], externalEnums: [] };

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? walk(full) : full.endsWith('.prisma') ? [full] : [];
    });
}

export function loadSchemaFiles(): SchemaContainer[] {
  return walk(schemaDir).map((file) => ({ path: file, content: readFileSync(file, 'utf8') }));
}

export function loadMigrations(): MigrationList {
  const lockPath = path.join(migrationsDir, 'migration_lock.toml');
  const dirs = existsSync(migrationsDir)
    ? readdirSync(migrationsDir)
        .filter((d) => statSync(path.join(migrationsDir, d)).isDirectory())
        .sort()
    : [];
  return {
    baseDir: migrationsDir,
    lockfile: { path: 'migration_lock.toml', content: existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: dirs.map((d) => {
      const file = path.join(migrationsDir, d, 'migration.sql');
      return {
        path: d,
        migrationFile: {
          path: 'migration.sql',
          content: existsSync(file)
            ? { tag: 'ok' as const, value: readFileSync(file, 'utf8') }
            : { tag: 'error' as const, value: `missing ${file}` },
        },
      };
    }),
  };
}

async function withEngine<T>(databaseUrl: string, fn: (engine: Awaited<ReturnType<typeof createSchemaEngine>>['engine']) => Promise<T>) {
  const files = loadSchemaFiles();
  const { engine } = await createSchemaEngine(databaseUrl, files.map((f) => [f.path, f.content]));
  return fn(engine);
}

/** Applies pending migrations; returns the names it applied (none on a second run). */
export async function deployMigrations(databaseUrl: string): Promise<string[]> {
  return withEngine(databaseUrl, async (engine) => {
    const out = await engine.applyMigrations({ migrationsList: loadMigrations(), filters });
    return out.appliedMigrationNames;
  });
}

/**
 * SQL that takes a database built from the migrations to the current schema.
 * The engine replays the migrations into a throw-away shadow database on the server
 * behind databaseUrl (it needs CREATE DATABASE there), so the result is empty when
 * schema and migrations agree.
 */
export async function pendingSchemaChanges(databaseUrl: string, files: SchemaContainer[] = loadSchemaFiles()): Promise<string> {
  const migrationsList = loadMigrations();
  if (migrationsList.migrationDirectories.length === 0) {
    return withEngine(databaseUrl, async (engine) => {
      const out = await engine.diff({ from: { tag: 'empty' }, to: { tag: 'schemaDatamodel', files }, script: true, exitCode: null, filters });
      return out.stdout ?? '';
    });
  }
  return withEngine(databaseUrl, async (engine) => {
    const out = await engine.diff({
      from: { tag: 'migrations', ...migrationsList },
      to: { tag: 'schemaDatamodel', files },
      script: true,
      exitCode: null,
      filters,
    });
    return out.stdout ?? '';
  });
}

export function isEmptyMigration(sql: string): boolean {
  return sql.replace(/--.*$/gm, '').trim() === '' || /This is an empty migration/.test(sql);
}

/** Writes prisma/migrations/<timestamp>_<name>/migration.sql; returns its path, or null when there is nothing to do. */
export async function createMigration(databaseUrl: string, name: string, now = new Date()): Promise<string | null> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error('migration name must be snake_case: [a-z0-9_]+');
  const sql = await pendingSchemaChanges(databaseUrl);
  if (isEmptyMigration(sql)) return null;
  const stamp = now.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  const dir = path.join(migrationsDir, `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  const lock = path.join(migrationsDir, 'migration_lock.toml');
  if (!existsSync(lock)) writeFileSync(lock, '# Written by the offline migrate tool (prisma/tools).\nprovider = "postgresql"\n');
  writeFileSync(path.join(dir, 'migration.sql'), sql);
  return path.join(dir, 'migration.sql');
}
