// The purity rules in eslint.config.js really flag I/O in workflow and domain code.
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import config, { domainImportRule, workflowImportRule } from '../../eslint.config.js';

function linter(rule: unknown) {
  return new ESLint({
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tseslint.parser },
        plugins: { '@typescript-eslint': tseslint.plugin },
        rules: { '@typescript-eslint/no-restricted-imports': rule as never },
      },
    ],
  });
}

async function errorsFor(rule: unknown, code: string) {
  const [result] = await linter(rule).lintText(code, { filePath: 'sample.ts' });
  return result!.messages.map((m) => m.message);
}

describe('workflow purity lint', () => {
  it.each([
    ["import { readFileSync } from 'node:fs';"],
    ["import fs from 'fs';"],
    ["import { PrismaClient } from '@prisma/client';"],
    ["import pg from 'pg';"],
    ["import { createPrisma } from '../../infra/prisma.js';"],
    ["import { createMeetingActivities } from '../../activities/meetings.activities.js';"],
    ["import { razorpay } from '../../providers/razorpay/client.js';"],
    ["import { Client } from '@temporalio/client';"],
  ])('flags %s in a workflow', async (code) => {
    expect(await errorsFor(workflowImportRule, code)).toHaveLength(1);
  });

  it('allows @temporalio/workflow, domain and type-only activity imports in a workflow', async () => {
    const code = [
      "import { proxyActivities } from '@temporalio/workflow';",
      "import { workflowIds } from '../../domain/ids.js';",
      "import type { MeetingActivities } from '../../activities/meetings.activities.js';",
    ].join('\n');
    expect(await errorsFor(workflowImportRule, code)).toEqual([]);
  });

  it('keeps domain free of frameworks and I/O', async () => {
    expect(await errorsFor(domainImportRule, "import { proxyActivities } from '@temporalio/workflow';")).toHaveLength(1);
    expect(await errorsFor(domainImportRule, "import { createHash } from 'node:crypto';")).toHaveLength(1);
  });

  it('turns on no-floating-promises for the whole project', () => {
    const rules = Object.assign({}, ...config.map((c: { rules?: object }) => c.rules ?? {}));
    expect(rules['@typescript-eslint/no-floating-promises']).toBe('error');
  });
});
