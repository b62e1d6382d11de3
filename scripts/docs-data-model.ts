// npm run docs:data-model: regenerates docs/data-model.md from the Prisma schema.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderDataModelDoc } from './lib/data-model-doc.js';
import { root } from './setup.mjs';

writeFileSync(path.join(root, 'docs/data-model.md'), renderDataModelDoc(root));
console.log('wrote docs/data-model.md');
