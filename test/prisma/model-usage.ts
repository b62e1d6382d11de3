// Which Prisma models the runtime code (not the seed, not tests or benches) reads and writes:
// Prisma delegate calls (`db.user.findMany(…)`) and raw SQL naming the table ("schema"."table").
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export interface ModelInfo {
  model: string;
  schema: string;
  table: string;
}

const READS = ['findUnique', 'findUniqueOrThrow', 'findFirst', 'findFirstOrThrow', 'findMany', 'count', 'aggregate', 'groupBy'];
const WRITES = ['create', 'createMany', 'createManyAndReturn', 'update', 'updateMany', 'updateManyAndReturn', 'upsert', 'delete', 'deleteMany'];
export const RUNTIME_DIRS = ['api', 'services', 'activities', 'workflows', 'worker', 'infra', 'domain', 'providers', 'scripts'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return name === 'node_modules' || name === 'generated' || name === 'seed' ? [] : files(p);
    return /\.(ts|mts|mjs|sql)$/.test(name) ? [p] : [];
  });
}

/** Every model of prisma/schema with its table and schema (@@map, @@schema). */
export function prismaModels(root = 'prisma/schema'): ModelInfo[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && d.name.endsWith('.prisma'))
    .map((d) => path.join(d.parentPath, d.name))
    .flatMap((f) => {
      const text = readFileSync(f, 'utf8');
      return [...text.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)].map(([, model, body]) => ({
        model: model!,
        table: /@@map\("([^"]+)"\)/.exec(body!)?.[1] ?? model!,
        schema: /@@schema\("([^"]+)"\)/.exec(body!)?.[1] ?? 'public',
      }));
    });
}

export interface Usage {
  reads: Set<string>;
  writes: Set<string>;
}

/** Models read and written by the runtime code under `dirs`. */
export function modelUsage(models: ModelInfo[], dirs = RUNTIME_DIRS): Usage {
  const sources = dirs.flatMap((d) => files(d)).filter((f) => !/(^|\/)seed[-./]/.test(f)).map((f) => readFileSync(f, 'utf8'));
  const all = sources.join('\n');
  const reads = new Set<string>();
  const writes = new Set<string>();
  for (const m of models) {
    const delegate = m.model[0]!.toLowerCase() + m.model.slice(1);
    const call = (ops: string[]) => new RegExp(`\\.${delegate}\\s*\\.\\s*(${ops.join('|')})\\s*[(<]`);
    if (call(READS).test(all)) reads.add(m.model);
    if (call(WRITES).test(all)) writes.add(m.model);
    // A delegate taken as a value (one code path for two systems' twin tables) reads and writes.
    if (new RegExp(`\\b(db|tx|client|prisma)\\.${delegate}\\b(?!\\s*\\.)`).test(all)) {
      reads.add(m.model);
      writes.add(m.model);
    }
    // Raw SQL naming the table: "schema"."table", schema.table, a schema chosen at run time
    // (${s}."table", generic over the systems that have the table), or a bare public "table".
    const qualified = `(?:"${m.schema}"|\\b${m.schema}|\\$\\{\\w+\\}|"\\$\\{\\w+\\}")\\."?${m.table}"?(?!\\w)`;
    const bare = m.schema === 'public' ? `|(?<=(?:FROM|JOIN|INTO|UPDATE|USING|COPY)\\s+)"${m.table}"(?!\\.)` : '';
    const table = new RegExp(qualified + bare, 'gi');
    for (const src of sources) {
      for (const hit of src.matchAll(table)) {
        const before = src.slice(Math.max(0, hit.index - 40), hit.index).toUpperCase();
        // A sync resource's declared table (`table: '"mrlearn"."learners"'`) is the target of its upserts and reads.
        if (/TABLE:\s*['"`]$/.test(before)) {
          writes.add(m.model);
          reads.add(m.model);
        } else if (/(INSERT\s+INTO|UPDATE|DELETE\s+FROM|MERGE\s+INTO|COPY|TRUNCATE)\s*$/.test(before)) writes.add(m.model);
        else reads.add(m.model);
      }
    }
  }
  return { reads, writes };
}
