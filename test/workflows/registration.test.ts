// Every activity a workflow proxies is registered with the worker (a peer codebase shipped
// activities that were never registered; this catches it).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createActivities } from '../../activities/index.js';
import type { ActivityDeps } from '../../activities/deps.js';

function workflowFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? workflowFiles(full) : full.endsWith('.workflow.ts') ? [full] : [];
  });
}

export function proxiedActivityNames(source: string): string[] {
  const names: string[] = [];
  const re = /const\s*\{([^}]+)\}\s*=\s*proxy(?:Local)?Activities\s*</g;
  for (const m of source.matchAll(re)) {
    for (const part of m[1]!.split(',')) {
      const name = part.split(':')[0]!.trim();
      if (name) names.push(name);
    }
  }
  const add = (name: string) => {
    if (name && !names.includes(name)) names.push(name);
  };
  // const steps = proxyActivities<…>(…); … steps.someActivity(…), or
  // const { a, b } = steps; / const { a } = cond ? local : steps;
  for (const m of source.matchAll(/const\s+(\w+)\s*=\s*proxy(?:Local)?Activities\s*</g)) {
    for (const use of source.matchAll(new RegExp(`\\b${m[1]}\\.(\\w+)\\(`, 'g'))) add(use[1]!);
    for (const d of source.matchAll(new RegExp(`const\\s*\\{([^}]+)\\}\\s*=\\s*(?:[^;]*\\?\\s*\\w+\\s*:\\s*)?${m[1]}\\s*;`, 'g'))) {
      for (const part of d[1]!.split(',')) add(part.split(':')[0]!.trim());
    }
  }
  return names;
}

describe('worker registration', () => {
  const registered = Object.keys(createActivities({} as ActivityDeps));
  const files = workflowFiles(path.resolve('workflows'));

  it('finds the workflows and the activities they proxy', () => {
    expect(files.length).toBeGreaterThan(0);
    expect(proxiedActivityNames(readFileSync(path.resolve('workflows/meeting-earnings/meeting-earnings.workflow.ts'), 'utf8'))).toEqual([
      'settleReview',
      'completeMeeting',
      'creditMentorEarnings',
    ]);
    const pipeline = proxiedActivityNames(readFileSync(path.resolve('workflows/candidate-pipeline/candidate-pipeline.workflow.ts'), 'utf8'));
    expect(pipeline).toEqual(expect.arrayContaining(['hireLoadContext', 'hireParseResume', 'hireRecruiterWrite', 'hireNotifySlaBreach', 'hireRunStageRules']));
  });

  it.each(files.map((f) => [path.relative(process.cwd(), f)]))('registers every activity %s proxies', (file) => {
    for (const name of proxiedActivityNames(readFileSync(file, 'utf8'))) expect(registered).toContain(name);
  });

  it('registers only functions', () => {
    for (const fn of Object.values(createActivities({} as ActivityDeps))) expect(typeof fn).toBe('function');
  });
});
