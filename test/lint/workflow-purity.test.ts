// The purity rules in eslint.config.js really flag I/O in workflow and domain code, and the
// layer rules really flag services/activities → api and api → activities.
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import config, { activitiesImportRule, apiImportRule, domainImportRule, servicesImportRule, workflowImportRule } from '../../eslint.config.js';

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

  describe('layer arrows', () => {
    it.each([
      ["import { DomainError } from '../../api/problem.js';"],
      ["import type { AppEnv } from '../../api/deps.js';"],
      ["import { createCrmEngineActivities } from '../../activities/crm-engine.activities.js';"],
      ["import type { EnrollmentPatch } from '../../activities/crm-engine.activities.js';"],
      ["import type { Context } from 'hono';"],
      ["import { getConnInfo } from '@hono/node-server/conninfo';"],
    ])('flags %s in a service', async (code) => {
      expect(await errorsFor(servicesImportRule, code)).toHaveLength(1);
    });

    it('flags an api import in an activity, type-only included', async () => {
      expect(await errorsFor(activitiesImportRule, "import { writeAssignment } from '../api/crm/assignment.js';")).toHaveLength(1);
      expect(await errorsFor(activitiesImportRule, "import type { AppEnv } from '../api/deps.js';")).toHaveLength(1);
    });

    it('flags an activities import in the api, type-only included', async () => {
      expect(await errorsFor(apiImportRule, "import { leadSnapshot } from '../../../activities/crm-engine.activities.js';")).toHaveLength(1);
      expect(await errorsFor(apiImportRule, "import type { ActivityDeps } from '../../activities/deps.js';")).toHaveLength(1);
    });

    it('allows the arrows the design draws', async () => {
      expect(await errorsFor(apiImportRule, "import { bookSlot } from '../../../services/slots/booking.js';")).toEqual([]);
      expect(await errorsFor(activitiesImportRule, "import { returnTokens } from '../services/tokens/return-tokens.js';")).toEqual([]);
      expect(await errorsFor(servicesImportRule, "import { workflowIds } from '../../domain/ids.js';\nimport { z } from '@hono/zod-openapi';")).toEqual([]);
    });

    it('applies to every file of each layer in the project config', () => {
      const byGlob = (glob: string) => config.find((c) => c.files?.includes(glob));
      expect(byGlob('services/**/*.ts')?.rules?.['@typescript-eslint/no-restricted-imports']).toBe(servicesImportRule);
      expect(byGlob('activities/**/*.ts')?.rules?.['@typescript-eslint/no-restricted-imports']).toBe(activitiesImportRule);
      expect(byGlob('api/**/*.ts')?.rules?.['@typescript-eslint/no-restricted-imports']).toBe(apiImportRule);
    });
  });

  it('turns on no-floating-promises for the whole project', () => {
    const rules = Object.assign({}, ...config.map((c: { rules?: object }) => c.rules ?? {}));
    expect(rules['@typescript-eslint/no-floating-promises']).toBe('error');
  });
});
