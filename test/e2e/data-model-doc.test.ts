import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderDataModelDoc } from '../../scripts/lib/data-model-doc.js';

describe('docs/data-model.md', () => {
  it('is up to date with prisma/schema (run `npm run docs:data-model` when this fails)', () => {
    expect(readFileSync('docs/data-model.md', 'utf8')).toBe(renderDataModelDoc(process.cwd()));
  });
});
