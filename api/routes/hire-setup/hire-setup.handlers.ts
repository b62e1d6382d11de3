// The recruiter's setup over HTTP. The rules live in services/hire/.
import type { RouteConfig, RouteHandler } from '@hono/zod-openapi';
import { createAiCallPrompt, getAiCallPrompt, listAiCallPromptVersions, listLatestAiCallPrompts, reviseAiCallPrompt } from '../../../services/hire/ai-call-prompts.js';
import { createAiScreeningConfig, deleteAiScreeningConfig, getAiScreeningConfig, listAiScreeningConfigs, toAiScreeningView, updateAiScreeningConfig } from '../../../services/hire/ai-screening-configs.js';
import { createJobTemplate, deleteJobTemplate, getJobTemplate, listJobTemplates, toJobTemplateView, updateJobTemplate } from '../../../services/hire/job-templates.js';
import { getAccount, linkAccount, listAccounts, toAccountView, unlinkAccount, updateAccount } from '../../../services/hire/platform-postings.js';
import { createQuizTemplate, deleteQuizTemplate, getQuizTemplate, listQuizTemplates, previewQuizTemplate, toQuizTemplateView, updateQuizTemplate } from '../../../services/hire/quiz-templates.js';
import { createBenchmark, deleteBenchmark, listBenchmarks, lookupBenchmark, toBenchmarkView, updateBenchmark } from '../../../services/hire/salary-benchmarks.js';
import type { AppEnv } from '../../deps.js';
import { keyset, toPage } from '../../pagination.js';
import type * as R from './hire-setup.routes.js';

type H<T extends RouteConfig> = RouteHandler<T, AppEnv>;

const window = (cursor: string | undefined, limit: number) => {
  const page = keyset(cursor);
  return { where: page.where, orderBy: page.orderBy, take: limit + 1 };
};

// Job templates
export const createJobTemplateHandler: H<typeof R.createJobTemplateRoute> = async (c) => c.json(await createJobTemplate(c.get('deps'), c.get('auth')!, c.req.valid('json')), 201);
export const listJobTemplatesHandler: H<typeof R.listJobTemplatesRoute> = async (c) => {
  const { cursor, limit } = c.req.valid('query');
  const { items, nextCursor } = toPage(await listJobTemplates(c.get('deps'), c.get('auth')!, window(cursor, limit)), limit);
  return c.json({ items: items.map(toJobTemplateView), nextCursor }, 200);
};
export const getJobTemplateHandler: H<typeof R.getJobTemplateRoute> = async (c) => c.json(await getJobTemplate(c.get('deps'), c.get('auth')!, c.req.valid('param').id), 200);
export const updateJobTemplateHandler: H<typeof R.updateJobTemplateRoute> = async (c) => c.json(await updateJobTemplate(c.get('deps'), c.get('auth')!, c.req.valid('param').id, c.req.valid('json')), 200);
export const deleteJobTemplateHandler: H<typeof R.deleteJobTemplateRoute> = async (c) => {
  await deleteJobTemplate(c.get('deps'), c.get('auth')!, c.req.valid('param').id);
  return c.body(null, 204);
};

// Salary benchmarks
export const listBenchmarksHandler: H<typeof R.listBenchmarksRoute> = async (c) => {
  const { cursor, limit, ...f } = c.req.valid('query');
  const { items, nextCursor } = toPage(await listBenchmarks(c.get('deps'), f, window(cursor, limit)), limit);
  return c.json({ items: items.map(toBenchmarkView), nextCursor }, 200);
};
export const lookupBenchmarkHandler: H<typeof R.lookupBenchmarkRoute> = async (c) => c.json({ benchmark: await lookupBenchmark(c.get('deps').db, c.req.valid('query')) }, 200);
export const createBenchmarkHandler: H<typeof R.createBenchmarkRoute> = async (c) => c.json(await createBenchmark(c.get('deps'), c.req.valid('json')), 201);
export const updateBenchmarkHandler: H<typeof R.updateBenchmarkRoute> = async (c) => c.json(await updateBenchmark(c.get('deps'), c.req.valid('param').id, c.req.valid('json')), 200);
export const deleteBenchmarkHandler: H<typeof R.deleteBenchmarkRoute> = async (c) => {
  await deleteBenchmark(c.get('deps'), c.req.valid('param').id);
  return c.body(null, 204);
};

// AI screening defaults
export const createAiScreeningHandler: H<typeof R.createAiScreeningRoute> = async (c) => c.json(await createAiScreeningConfig(c.get('deps'), c.get('auth')!, c.req.valid('json')), 201);
export const listAiScreeningHandler: H<typeof R.listAiScreeningRoute> = async (c) => {
  const { cursor, limit } = c.req.valid('query');
  const { items, nextCursor } = toPage(await listAiScreeningConfigs(c.get('deps'), c.get('auth')!, window(cursor, limit)), limit);
  return c.json({ items: items.map(toAiScreeningView), nextCursor }, 200);
};
export const getAiScreeningHandler: H<typeof R.getAiScreeningRoute> = async (c) => c.json(await getAiScreeningConfig(c.get('deps'), c.get('auth')!, c.req.valid('param').id), 200);
export const updateAiScreeningHandler: H<typeof R.updateAiScreeningRoute> = async (c) => c.json(await updateAiScreeningConfig(c.get('deps'), c.get('auth')!, c.req.valid('param').id, c.req.valid('json')), 200);
export const deleteAiScreeningHandler: H<typeof R.deleteAiScreeningRoute> = async (c) => {
  await deleteAiScreeningConfig(c.get('deps'), c.get('auth')!, c.req.valid('param').id);
  return c.body(null, 204);
};

// Quiz templates
export const createQuizTemplateHandler: H<typeof R.createQuizTemplateRoute> = async (c) => c.json(await createQuizTemplate(c.get('deps'), c.get('auth')!, c.req.valid('json')), 201);
export const listQuizTemplatesHandler: H<typeof R.listQuizTemplatesRoute> = async (c) => {
  const { cursor, limit, active } = c.req.valid('query');
  const { items, nextCursor } = toPage(await listQuizTemplates(c.get('deps'), c.get('auth')!, { active }, window(cursor, limit)), limit);
  return c.json({ items: items.map(toQuizTemplateView), nextCursor }, 200);
};
export const getQuizTemplateHandler: H<typeof R.getQuizTemplateRoute> = async (c) => c.json(await getQuizTemplate(c.get('deps'), c.get('auth')!, c.req.valid('param').id), 200);
export const previewQuizTemplateHandler: H<typeof R.previewQuizTemplateRoute> = async (c) => c.json(await previewQuizTemplate(c.get('deps'), c.get('auth')!, c.req.valid('param').id), 200);
export const updateQuizTemplateHandler: H<typeof R.updateQuizTemplateRoute> = async (c) => c.json(await updateQuizTemplate(c.get('deps'), c.get('auth')!, c.req.valid('param').id, c.req.valid('json')), 200);
export const deleteQuizTemplateHandler: H<typeof R.deleteQuizTemplateRoute> = async (c) => {
  await deleteQuizTemplate(c.get('deps'), c.get('auth')!, c.req.valid('param').id);
  return c.body(null, 204);
};

// AI call prompts
export const createAiCallPromptHandler: H<typeof R.createAiCallPromptRoute> = async (c) => c.json(await createAiCallPrompt(c.get('deps'), c.req.valid('json')), 201);
export const listAiCallPromptsHandler: H<typeof R.listAiCallPromptsRoute> = async (c) => c.json(await listLatestAiCallPrompts(c.get('deps'), c.req.valid('query')), 200);
export const getAiCallPromptHandler: H<typeof R.getAiCallPromptRoute> = async (c) => c.json(await getAiCallPrompt(c.get('deps'), c.req.valid('param').id), 200);
export const listAiCallPromptVersionsHandler: H<typeof R.listAiCallPromptVersionsRoute> = async (c) => c.json({ items: await listAiCallPromptVersions(c.get('deps'), c.req.valid('param').id) }, 200);
export const reviseAiCallPromptHandler: H<typeof R.reviseAiCallPromptRoute> = async (c) => c.json(await reviseAiCallPrompt(c.get('deps'), c.req.valid('param').id, c.req.valid('json')), 201);

// HR platform accounts
export const linkAccountHandler: H<typeof R.linkAccountRoute> = async (c) => c.json(await linkAccount(c.get('deps'), c.get('auth')!, c.req.valid('json')), 201);
export const listAccountsHandler: H<typeof R.listAccountsRoute> = async (c) => {
  const { cursor, limit } = c.req.valid('query');
  const { items, nextCursor } = toPage(await listAccounts(c.get('deps'), c.get('auth')!, window(cursor, limit)), limit);
  return c.json({ items: items.map(toAccountView), nextCursor }, 200);
};
export const getAccountHandler: H<typeof R.getAccountRoute> = async (c) => c.json(await getAccount(c.get('deps'), c.get('auth')!, c.req.valid('param').id), 200);
export const updateAccountHandler: H<typeof R.updateAccountRoute> = async (c) => c.json(await updateAccount(c.get('deps'), c.get('auth')!, c.req.valid('param').id, c.req.valid('json')), 200);
export const unlinkAccountHandler: H<typeof R.unlinkAccountRoute> = async (c) => {
  await unlinkAccount(c.get('deps'), c.get('auth')!, c.req.valid('param').id);
  return c.body(null, 204);
};
