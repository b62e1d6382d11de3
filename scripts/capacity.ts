// npm run capacity: the capacity model (docs/capacity.md) from the recorded histories in
// test/replay/histories. Prints the generated section; `npm run capacity -- --write` puts it
// into docs/capacity.md between <!-- capacity:begin --> and <!-- capacity:end -->.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { replaceGenerated, renderCapacity, type HistoryJson } from './lib/capacity.js';
import { root } from './setup.mjs';

export const HISTORIES_DIR = path.join(root, 'test/replay/histories');
export const CAPACITY_DOC = path.join(root, 'docs/capacity.md');

export function loadHistories(dir = HISTORIES_DIR): Map<string, HistoryJson> {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  return new Map(files.map((f) => [f, JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as HistoryJson]));
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const generated = renderCapacity(loadHistories());
  if (process.argv.includes('--write')) {
    writeFileSync(CAPACITY_DOC, replaceGenerated(readFileSync(CAPACITY_DOC, 'utf8'), generated));
    console.log(`wrote ${path.relative(root, CAPACITY_DOC)}`);
  } else {
    process.stdout.write(`${generated}\n`);
  }
}
