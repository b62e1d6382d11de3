// Set-up shared by `npm start`, `npm test` and `npm run bench`. Plain Node (no dependencies),
// because it runs before node_modules exists. Each step is skipped when already done:
//   1. npm ci            when node_modules is missing or older than package-lock.json
//   2. Temporal CLI      built with `go install` into a per-user cache keyed by version
//   3. Temporal server   (TEMPORAL_MODE=cluster only) the real server + its SQL tool, the same way
//   4. prisma generate   when the generated client is missing or older than the schema
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const TEMPORAL_CLI_VERSION = 'v1.5.1';
/** The server the CLI embeds; built only for TEMPORAL_MODE=cluster. */
export const TEMPORAL_SERVER_VERSION = 'v1.29.1';
/** The Web UI server the CLI embeds, run beside the cluster. */
export const TEMPORAL_UI_VERSION = 'v2.42.1';

const log = (msg) => process.stdout.write(`[setup] ${msg}\n`);

function mtime(p) {
  try {
    return statSync(p).mtimeMs;
  } catch {
    return 0;
  }
}

function newestIn(dir, ext) {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    const st = statSync(full);
    if (st.isDirectory()) newest = Math.max(newest, newestIn(full, ext));
    else if (full.endsWith(ext)) newest = Math.max(newest, st.mtimeMs);
  }
  return newest;
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status}`);
}

export function ensureNodeModules() {
  const marker = path.join(root, 'node_modules', '.package-lock.json');
  if (existsSync(marker) && mtime(marker) >= mtime(path.join(root, 'package-lock.json'))) return false;
  log('installing dependencies (npm ci)…');
  run('npm', ['ci', '--no-audit', '--no-fund']);
  return true;
}

export function temporalCacheDir() {
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'mas-platform', `temporal-${TEMPORAL_CLI_VERSION}`);
}

export function temporalCliPath() {
  return process.env.TEMPORAL_CLI || path.join(temporalCacheDir(), 'temporal');
}

/** Builds `go install <module@version>…` into `dir` (a staging folder renamed into place), once. */
function goInstallOnce(what, dir, targets, version) {
  const go = spawnSync('go', ['version'], { encoding: 'utf8' });
  if (go.status !== 0) throw new Error(`Go is needed once to build ${what}`);
  const staging = `${dir}.building-${process.pid}`;
  mkdirSync(staging, { recursive: true });
  log(`building ${what} ${version} with ${go.stdout.trim()} (first time only; a few minutes)…`);
  const started = Date.now();
  try {
    // One `go install` per module version (go refuses to mix versions in one call), each into
    // its own folder, then moved up under its final name (two modules both make a `server`).
    targets.forEach(({ install, rename = {} }, i) => {
      const bin = path.join(staging, `.group-${i}`);
      run('go', ['install', ...install], { env: { ...process.env, GOBIN: bin, GOFLAGS: '-buildvcs=false' } });
      for (const name of readdirSync(bin)) renameSync(path.join(bin, name), path.join(staging, rename[name] ?? name));
      rmSync(bin, { recursive: true, force: true });
    });
    mkdirSync(path.dirname(dir), { recursive: true });
    rmSync(dir, { recursive: true, force: true });
    renameSync(staging, dir);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  log(`${what} built in ${Math.round((Date.now() - started) / 1000)} s → ${dir}`);
}

export function ensureTemporalCli() {
  const cli = temporalCliPath();
  if (existsSync(cli)) return false;
  if (process.env.TEMPORAL_CLI) throw new Error(`TEMPORAL_CLI=${cli} does not exist`);
  goInstallOnce('the Temporal CLI (or set TEMPORAL_CLI / TEMPORAL_ADDRESS)', temporalCacheDir(), [{ install: [`github.com/temporalio/cli/cmd/temporal@${TEMPORAL_CLI_VERSION}`] }], TEMPORAL_CLI_VERSION);
  return true;
}

/** The real Temporal server, its SQL schema tool and the Web UI server (TEMPORAL_MODE=cluster), cached like the CLI. */
export function temporalServerDir() {
  return path.join(path.dirname(temporalCacheDir()), `temporal-server-${TEMPORAL_SERVER_VERSION}`);
}

export function ensureTemporalServer() {
  const dir = temporalServerDir();
  if (['server', 'sql', 'ui-server'].every((b) => existsSync(path.join(dir, b)))) return false;
  goInstallOnce(
    'the Temporal server, its SQL tool and the Web UI (TEMPORAL_MODE=cluster)',
    dir,
    [
      { install: [`go.temporal.io/server/cmd/server@${TEMPORAL_SERVER_VERSION}`, `go.temporal.io/server/cmd/tools/sql@${TEMPORAL_SERVER_VERSION}`] },
      { install: [`github.com/temporalio/ui-server/v2/cmd/server@${TEMPORAL_UI_VERSION}`], rename: { server: 'ui-server' } },
    ],
    TEMPORAL_SERVER_VERSION,
  );
  return true;
}

/** The server module's source in the Go module cache: its SQL schema lives there. */
export function temporalServerModuleDir() {
  const r = spawnSync('go', ['env', 'GOMODCACHE'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error('go env GOMODCACHE failed');
  return path.join(r.stdout.trim(), 'go.temporal.io', `server@${TEMPORAL_SERVER_VERSION}`);
}

export function ensurePrismaClient() {
  const generated = path.join(root, 'prisma', 'generated', 'client.ts');
  const schemaNewest = newestIn(path.join(root, 'prisma', 'schema'), '.prisma');
  if (existsSync(generated) && mtime(generated) >= schemaNewest && mtime(generated) >= mtime(path.join(root, 'package-lock.json'))) return false;
  log('generating the Prisma client…');
  run(process.execPath, [path.join(root, 'node_modules', 'prisma', 'build', 'index.js'), 'generate'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.execPath, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' },
  });
  return true;
}

export function setup({ needTemporal = true, needTemporalServer = process.env.TEMPORAL_MODE === 'cluster' } = {}) {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19)) throw new Error(`Node >= 20.19 is required (found ${process.versions.node})`);
  ensureNodeModules();
  if (needTemporal) ensureTemporalCli();
  if (needTemporalServer) ensureTemporalServer();
  ensurePrismaClient();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    setup({ needTemporal: !process.env.TEMPORAL_ADDRESS });
  } catch (err) {
    console.error(`[setup] ${err.message}`);
    process.exit(1);
  }
}
