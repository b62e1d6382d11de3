// `npm start`: set up whatever is missing, then run the whole stack (scripts/stack.ts).
import { spawn } from 'node:child_process';
import { setInterval } from 'node:timers';
import path from 'node:path';
import { root, setup } from './setup.mjs';

// `npm run start:scaled`: several api and worker processes, against the real Temporal server
// unless TEMPORAL_MODE or TEMPORAL_ADDRESS says otherwise.
if (process.argv.includes('--scaled')) {
  process.env.STACK_SCALED = '1';
  if (!process.env.TEMPORAL_MODE && !process.env.TEMPORAL_ADDRESS) process.env.TEMPORAL_MODE = 'cluster';
}

try {
  setup({ needTemporal: !process.env.TEMPORAL_ADDRESS });
} catch (err) {
  console.error(`[setup] ${err.message}`);
  process.exit(1);
}
const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'scripts', 'stack.ts')], { cwd: root, stdio: 'inherit' });
// Ctrl-C reaches the whole process group; a signal sent to this process alone (kill <pid>)
// is passed on. Either way the stack stops its children in order, once.
for (const s of ['SIGINT', 'SIGTERM']) process.on(s, () => child.kill(s));
// `kill <pid of npm start>` kills npm without passing the signal on; once our parent is gone
// (we are re-parented), stop the stack as a SIGTERM would, so nothing is left running.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) child.kill('SIGTERM');
}, 1000).unref();
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
