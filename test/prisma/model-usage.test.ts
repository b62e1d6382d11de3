// Every table has a use: each Prisma model is both read and written by runtime code (the api,
// services, activities, workflows, worker, scripts; not the seed, tests or benches), or is listed
// in model-usage.allow.json with what it lacks and why. An entry that is no longer true fails too,
// so the list only shrinks.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { modelUsage, prismaModels } from './model-usage.js';

type Missing = 'read' | 'write' | 'both';
const allow = JSON.parse(readFileSync('test/prisma/model-usage.allow.json', 'utf8')) as Record<string, { missing: Missing; reason: string }>;

describe('model usage', () => {
  const models = prismaModels();
  const { reads, writes } = modelUsage(models);
  const missing = (model: string): Missing | null => {
    const r = reads.has(model);
    const w = writes.has(model);
    return r && w ? null : !r && !w ? 'both' : r ? 'write' : 'read';
  };

  it('finds the schema’s models', () => {
    expect(models.length).toBeGreaterThanOrEqual(163);
    expect(models.find((m) => m.model === 'MrLearnLearner')).toEqual({ model: 'MrLearnLearner', schema: 'mrlearn', table: 'learners' });
  });

  it('every model is read and written at runtime, or allow-listed with a reason', () => {
    const gaps = models.flatMap((m) => {
      const gap = missing(m.model);
      return gap && allow[m.model]?.missing !== gap ? [`${m.model}: no runtime ${gap === 'both' ? 'reader or writer' : gap === 'read' ? 'reader' : 'writer'}`] : [];
    });
    expect(gaps).toEqual([]);
  });

  it('the allow-list holds only real gaps, each with a reason', () => {
    const names = new Set(models.map((m) => m.model));
    const stale = Object.entries(allow).flatMap(([model, e]) => (!names.has(model) ? [`${model}: no such model`] : missing(model) !== e.missing ? [`${model}: listed as missing ${e.missing}, now ${missing(model) ?? 'nothing'}`] : e.reason.trim().length < 20 ? [`${model}: give a reason`] : []));
    expect(stale).toEqual([]);
    // The count the issue note reports: models with a runtime reader and writer.
    console.info(`model usage: ${models.filter((m) => missing(m.model) === null).length} of ${models.length} models read and written at runtime; ${Object.keys(allow).length} allow-listed`);
  });
});
