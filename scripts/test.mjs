// `npm test`: the same set-up as `npm start`, then typecheck, lint, the migration drift
// check and the whole vitest suite (real PostgreSQL + real Temporal dev server). Stops at
// the first failing step; vitest's pass/fail count is the last thing printed.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { root, setup } from './setup.mjs';

try {
  setup({ needTemporal: true, needTemporalServer: true });
} catch (err) {
  console.error(`[setup] ${err.message}`);
  process.exit(1);
}

const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const steps = [
  ['typecheck', bin('tsc'), ['--noEmit']],
  ['lint', bin('eslint'), ['--max-warnings', '0', '.']],
  ['db:check', bin('tsx'), ['prisma/tools/cli.ts', 'check']],
  ['vitest', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${path.join(root, '.data', 'vitest-report.json')}`, ...process.argv.slice(2)]],
];
mkdirSync(path.join(root, '.data'), { recursive: true });
rmSync(path.join(root, '.data', 'vitest-report.json'), { force: true });

/** The closing line CI reads: "tests: N passed, N failed[, N skipped]". */
function closingLine() {
  try {
    const r = JSON.parse(readFileSync(path.join(root, '.data', 'vitest-report.json'), 'utf8'));
    const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
    return `tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`;
  } catch {
    return null;
  }
}

for (const [name, cmd, args] of steps) {
  const started = Date.now();
  process.stdout.write(`\n[test] ${name}…\n`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '0' } });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  const ok = r.status === 0;
  process.stdout.write(`[test] ${name} ${ok ? 'passed' : 'failed'} in ${secs} s\n`);
  if (name === 'vitest') {
    const line = closingLine();
    if (line) process.stdout.write(`${line}\n`);
  }
  if (!ok) process.exit(r.status ?? 1);
}
