// Loads Prisma's schema engine from its official WASM build and binds it to a pg adapter.
// The native engine cannot be downloaded on offline machines; the WASM one does the same work.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum, type SqlQuery, type SqlResultSet } from '@prisma/driver-adapter-utils';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';
import type * as SchemaEngineBg from '@prisma/schema-engine-wasm/schema_engine_bg';

const require = createRequire(import.meta.url);

// @types/node 20 does not declare the WebAssembly global; this is the part we use.
interface WasmModule {
  readonly __brand: 'WasmModule';
}
interface WasmApi {
  Module: { new (bytes: Uint8Array): WasmModule; imports(mod: WasmModule): { module: string; name: string }[] };
  Instance: new (mod: WasmModule, imports: Record<string, Record<string, unknown>>) => { exports: unknown };
}
const WA = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
let wasmReady: Promise<typeof SchemaEngineBg> | undefined;

// The WASM build reports Rust panics through this global; without it a panic surfaces as
// "Cannot read properties of undefined (reading 'set_message')".
const panicRegistry = { lastPanic: '', set_message(message: string) { this.lastPanic = message; } };
(globalThis as unknown as { PRISMA_WASM_PANIC_REGISTRY: typeof panicRegistry }).PRISMA_WASM_PANIC_REGISTRY = panicRegistry;

export function lastEnginePanic(): string {
  return panicRegistry.lastPanic;
}

function loadWasm() {
  wasmReady ??= (async () => {
    // The package's ESM entry imports a .wasm file, which Node refuses; wire it by hand.
    const bg = await import('@prisma/schema-engine-wasm/schema_engine_bg');
    const wasmPath = path.join(path.dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg')), 'schema_engine_bg.wasm');
    const mod = new WA.Module(readFileSync(wasmPath));
    const bgFns = bg as unknown as Record<string, unknown>;
    const imports: Record<string, Record<string, unknown>> = {};
    for (const imp of WA.Module.imports(mod)) {
      (imports[imp.module] ??= {})[imp.name] = bgFns[imp.name];
    }
    const instance = new WA.Instance(mod, imports);
    const exports = instance.exports as Record<string, unknown> & { __wbindgen_start: () => void };
    (bg as unknown as { __wbg_set_wasm: (e: unknown) => void }).__wbg_set_wasm(exports);
    exports.__wbindgen_start();
    return bg;
  })();
  return wasmReady;
}

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;
const CHARACTER_COLUMN_TYPE = ColumnTypeEnum.Character;

type QueryResultLike = { fields?: { dataTypeID: number }[]; rows?: unknown[] };
const charColumnsOf = new WeakMap<object, number[]>();

// The engine introspects pg_catalog columns of the internal one-byte "char" type, which
// adapter-pg refuses ("Column type 'char' could not be deserialized"). We let pg label them
// text so the adapter accepts the result, remember which columns they were, and report them
// to the engine as Character, which is what it reads them as.
function relabelCharColumns<T>(result: T): T {
  const r = result as QueryResultLike;
  const indices: number[] = [];
  r.fields?.forEach((field, i) => {
    if (field.dataTypeID === PG_CHAR_OID) {
      field.dataTypeID = PG_TEXT_OID;
      indices.push(i);
    }
  });
  if (indices.length && r.rows) charColumnsOf.set(r.rows, indices);
  return result;
}

function wrapQuery(target: { query: (...args: never[]) => unknown }) {
  const original = target.query.bind(target) as (...args: unknown[]) => unknown;
  (target as { query: unknown }).query = (...args: unknown[]) => {
    const last = args[args.length - 1];
    if (typeof last === 'function') {
      args[args.length - 1] = (err: unknown, res: unknown) => (last as (e: unknown, r: unknown) => void)(err, res && relabelCharColumns(res));
    }
    const out = original(...args);
    return out instanceof Promise ? out.then(relabelCharColumns) : out;
  };
}

class IntrospectionSafePool extends pg.Pool {
  constructor(config: pg.PoolConfig) {
    super(config);
    this.on('connect', (client) => wrapQuery(client as never));
  }
}

type Queryable = { queryRaw: (q: SqlQuery) => Promise<SqlResultSet> };

function restoreCharTypes(target: Queryable) {
  const original = target.queryRaw.bind(target);
  target.queryRaw = async (q) => {
    const result = await original(q);
    for (const i of charColumnsOf.get(result.rows) ?? []) result.columnTypes[i] = CHARACTER_COLUMN_TYPE;
    return result;
  };
}

// adapter-pg runs a migration script by splitting it on every ";", which cuts a function body
// ($$ … $$, e.g. 20261207151500_book_slot_function) into pieces. A script with a dollar quote
// goes to PostgreSQL whole instead (one simple-protocol query, so one implicit transaction);
// every other script keeps the adapter's statement-by-statement path.
type ScriptRunner = { executeScript: (script: string) => Promise<void> };
function keepDollarQuotedScriptsWhole(target: ScriptRunner) {
  const original = target.executeScript.bind(target);
  const internals = target as unknown as { client: { query: (sql: string) => Promise<unknown> }; onError: (err: unknown) => never };
  target.executeScript = async (script) => {
    if (!script.includes('$$')) return original(script);
    try {
      await internals.client.query(script);
    } catch (err) {
      internals.onError(err);
    }
  };
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

class CharAwarePg extends PrismaPg {
  constructor(url: string) {
    super(new IntrospectionSafePool({ connectionString: url, max: 2 }), { disposeExternalPool: true });
  }

  override async connect() {
    const adapter = await super.connect();
    restoreCharTypes(adapter);
    keepDollarQuotedScriptsWhole(adapter);
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (...args) => {
      const tx = await startTransaction(...args);
      restoreCharTypes(tx);
      return tx;
    };
    return adapter;
  }
}

// adapter-pg's own connectToShadowDb spreads `database` over a config that holds a
// connectionString, which wins in pg: the "shadow" work would then run against the real
// database. This factory creates the shadow database explicitly and drops it afterwards.
class MigrationPg extends CharAwarePg {
  constructor(private readonly url: string) {
    super(url);
  }

  override async connectToShadowDb() {
    const admin = new pg.Client({ connectionString: this.url });
    await admin.connect();
    const database = `prisma_shadow_${randomUUID().replaceAll('-', '')}`;
    await admin.query(`CREATE DATABASE "${database}"`);
    const adapter = await new CharAwarePg(withDatabase(this.url, database)).connect();
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await admin.end();
    };
    return adapter;
  }
}

export type SchemaFile = [path: string, content: string];

export interface EngineHandle {
  engine: SchemaEngine;
  logs: string[];
}

export async function createSchemaEngine(connectionString: string, datamodels: SchemaFile[]): Promise<EngineHandle> {
  const bg = await loadWasm();
  const logs: string[] = [];
  const adapter = bindMigrationAwareSqlAdapterFactory(new MigrationPg(connectionString));
  const engine = await (bg.SchemaEngine as unknown as typeof SchemaEngine).new(
    { datamodels },
    (msg: string) => logs.push(msg),
    adapter,
  );
  return { engine, logs };
}
