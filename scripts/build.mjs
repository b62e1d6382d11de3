// `npm run build`: production JavaScript in dist/, so the images start `node dist/…` with no
// TypeScript transpiling at start:
//   1. tsc -p tsconfig.build.json  (the api, the worker, the migration CLI and what they import)
//   2. the files they read at run time (migrations, schema, scripts/setup.mjs)
//   3. the workflow bundle (webpack, done by the SDK at every worker start otherwise), written to
//      dist/workflow-bundle.js, which dist/worker/main.js loads instead of bundling.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { root } from './setup.mjs';

const dist = path.join(root, 'dist');
const started = Date.now();
rmSync(dist, { recursive: true, force: true });
const tsc = spawnSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(root, 'tsconfig.build.json')], { cwd: root, stdio: 'inherit' });
if (tsc.status !== 0) process.exit(tsc.status ?? 1);
for (const rel of ['prisma/migrations', 'prisma/schema', 'prisma/manifest', 'scripts/setup.mjs']) cpSync(path.join(root, rel), path.join(dist, rel), { recursive: true });
// dist/ is its own package root for `root` (scripts/setup.mjs) and for ESM resolution.
writeFileSync(path.join(dist, 'package.json'), JSON.stringify({ type: 'module', private: true }, null, 2));
const { code } = await bundleWorkflowCode({ workflowsPath: path.join(root, 'workflows', 'index.ts'), logger: { trace() {}, debug() {}, info() {}, warn: console.warn, error: console.error, log() {} } });
mkdirSync(dist, { recursive: true });
writeFileSync(path.join(dist, 'workflow-bundle.js'), code);
process.stdout.write(`[build] dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s (workflow bundle ${(code.length / 1024).toFixed(0)} KiB)\n`);
