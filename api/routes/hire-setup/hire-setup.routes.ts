import { createRoute, z } from '@hono/zod-openapi';
import { RECRUITER_ROLES } from '../../../services/hire/job-access.js';
import { bearer } from '../../middleware/auth.js';
import { jsonBody, jsonResponse, problemResponse } from '../../openapi.js';
import { PageQuery, pageSchema } from '../../pagination.js';
import { SalaryBenchmarkView } from '../hire-jobs/hire-jobs.schemas.js';
import {
  AccountView,
  AiCallPromptView,
  AiScreeningView,
  BenchmarkLookupQuery,
  CandidateQuizView,
  CreateAiCallPromptBody,
  CreateAiScreeningBody,
  CreateBenchmarkBody,
  CreateJobTemplateBody,
  CreateQuizTemplateBody,
  JobTemplateView,
  LinkAccountBody,
  QuizTemplateView,
  ReviseAiCallPromptBody,
  UpdateAccountBody,
  UpdateAiScreeningBody,
  UpdateBenchmarkBody,
  UpdateJobTemplateBody,
  UpdateQuizTemplateBody,
} from './hire-setup.schemas.js';

const TAGS = ['Mr-Hire setup'];
const Id = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
const recruiter = bearer(RECRUITER_ROLES);
const superadmin = bearer(['SUPERADMIN']);
const auth = { 401: problemResponse('Not signed in'), 403: problemResponse('Role not allowed') };
const bad = { 400: problemResponse('Invalid request; `errors` lists the fields') };
const gone = (what: string) => ({ 404: problemResponse(`No such ${what}, or not one you may reach`) });
const OWN = 'An ADMIN reaches their own rows, a SUPERADMIN everyone’s; any other row is a 404.';

// Job templates
export const createJobTemplateRoute = createRoute({
  method: 'post', path: '/api/hire/job-templates', tags: TAGS, summary: 'Create a job template (yours, or a system one as SUPERADMIN)', ...recruiter,
  request: { body: jsonBody(CreateJobTemplateBody) },
  responses: { 201: jsonResponse('The template', JobTemplateView), ...bad, ...auth },
});
export const listJobTemplatesRoute = createRoute({
  method: 'get', path: '/api/hire/job-templates', tags: TAGS, summary: 'System templates and your own, newest first', ...recruiter,
  request: { query: PageQuery },
  responses: { 200: jsonResponse('A page of templates', pageSchema(JobTemplateView).openapi('JobTemplatePage')), ...bad, ...auth },
});
export const getJobTemplateRoute = createRoute({
  method: 'get', path: '/api/hire/job-templates/{id}', tags: TAGS, summary: 'One job template (system or yours)', description: OWN, ...recruiter,
  request: { params: Id },
  responses: { 200: jsonResponse('The template', JobTemplateView), ...bad, ...auth, ...gone('job template') },
});
export const updateJobTemplateRoute = createRoute({
  method: 'patch', path: '/api/hire/job-templates/{id}', tags: TAGS, summary: 'Edit your job template (system ones: SUPERADMIN)', description: OWN, ...recruiter,
  request: { params: Id, body: jsonBody(UpdateJobTemplateBody) },
  responses: { 200: jsonResponse('The template', JobTemplateView), ...bad, 401: auth[401], 403: problemResponse('A system template, and you are not SUPERADMIN'), ...gone('job template') },
});
export const deleteJobTemplateRoute = createRoute({
  method: 'delete', path: '/api/hire/job-templates/{id}', tags: TAGS, summary: 'Delete your job template (system ones: SUPERADMIN)', description: OWN, ...recruiter,
  request: { params: Id },
  responses: { 204: { description: 'Deleted' }, ...bad, 401: auth[401], 403: problemResponse('A system template, and you are not SUPERADMIN'), ...gone('job template') },
});

// Salary benchmarks
export const listBenchmarksRoute = createRoute({
  method: 'get', path: '/api/hire/salary-benchmarks', tags: TAGS, summary: 'Salary benchmarks, newest first', ...recruiter,
  request: { query: PageQuery.extend({ role: z.string().trim().min(1).max(200).optional(), location: z.string().trim().min(1).max(200).optional() }) },
  responses: { 200: jsonResponse('A page of benchmarks', pageSchema(SalaryBenchmarkView).openapi('SalaryBenchmarkPage')), ...bad, ...auth },
});
export const lookupBenchmarkRoute = createRoute({
  method: 'get', path: '/api/hire/salary-benchmarks/lookup', tags: TAGS, summary: 'The benchmark for a role, location and years of experience (the location’s own, else India’s)', ...recruiter,
  request: { query: BenchmarkLookupQuery },
  responses: { 200: jsonResponse('The benchmark, or null when none matches', z.object({ benchmark: SalaryBenchmarkView.nullable() })), ...bad, ...auth },
});
export const createBenchmarkRoute = createRoute({
  method: 'post', path: '/api/hire/salary-benchmarks', tags: TAGS, summary: 'Add a salary benchmark', ...superadmin,
  request: { body: jsonBody(CreateBenchmarkBody) },
  responses: { 201: jsonResponse('The benchmark', SalaryBenchmarkView), ...bad, ...auth, 409: problemResponse('A benchmark for this role, location and band exists') },
});
export const updateBenchmarkRoute = createRoute({
  method: 'patch', path: '/api/hire/salary-benchmarks/{id}', tags: TAGS, summary: 'Edit a salary benchmark', ...superadmin,
  request: { params: Id, body: jsonBody(UpdateBenchmarkBody) },
  responses: { 200: jsonResponse('The benchmark', SalaryBenchmarkView), ...bad, ...auth, ...gone('benchmark'), 409: problemResponse('A benchmark for this role, location and band exists') },
});
export const deleteBenchmarkRoute = createRoute({
  method: 'delete', path: '/api/hire/salary-benchmarks/{id}', tags: TAGS, summary: 'Delete a salary benchmark', ...superadmin,
  request: { params: Id },
  responses: { 204: { description: 'Deleted' }, ...bad, ...auth, ...gone('benchmark') },
});

// AI screening defaults
export const createAiScreeningRoute = createRoute({
  method: 'post', path: '/api/hire/ai-screening-configs', tags: TAGS, summary: 'Create one of your AI screening configs (isDefault: new jobs start from it)', ...recruiter,
  request: { body: jsonBody(CreateAiScreeningBody) },
  responses: { 201: jsonResponse('The config', AiScreeningView), ...bad, ...auth },
});
export const listAiScreeningRoute = createRoute({
  method: 'get', path: '/api/hire/ai-screening-configs', tags: TAGS, summary: 'Your AI screening configs, newest first', description: OWN, ...recruiter,
  request: { query: PageQuery },
  responses: { 200: jsonResponse('A page of configs', pageSchema(AiScreeningView).openapi('AiScreeningConfigPage')), ...bad, ...auth },
});
export const getAiScreeningRoute = createRoute({
  method: 'get', path: '/api/hire/ai-screening-configs/{id}', tags: TAGS, summary: 'One AI screening config', description: OWN, ...recruiter,
  request: { params: Id },
  responses: { 200: jsonResponse('The config', AiScreeningView), ...bad, ...auth, ...gone('AI screening config') },
});
export const updateAiScreeningRoute = createRoute({
  method: 'patch', path: '/api/hire/ai-screening-configs/{id}', tags: TAGS, summary: 'Edit an AI screening config', description: OWN, ...recruiter,
  request: { params: Id, body: jsonBody(UpdateAiScreeningBody) },
  responses: { 200: jsonResponse('The config', AiScreeningView), ...bad, ...auth, ...gone('AI screening config') },
});
export const deleteAiScreeningRoute = createRoute({
  method: 'delete', path: '/api/hire/ai-screening-configs/{id}', tags: TAGS, summary: 'Delete an AI screening config', description: OWN, ...recruiter,
  request: { params: Id },
  responses: { 204: { description: 'Deleted' }, ...bad, ...auth, ...gone('AI screening config') },
});

// Quiz templates
export const createQuizTemplateRoute = createRoute({
  method: 'post', path: '/api/hire/quiz-templates', tags: TAGS, summary: 'Create a quiz template (yours, or a system one as SUPERADMIN)', ...recruiter,
  request: { body: jsonBody(CreateQuizTemplateBody) },
  responses: { 201: jsonResponse('The template, answers included', QuizTemplateView), ...bad, ...auth },
});
export const listQuizTemplatesRoute = createRoute({
  method: 'get', path: '/api/hire/quiz-templates', tags: TAGS, summary: 'System quiz templates and your own, newest first', ...recruiter,
  request: { query: PageQuery.extend({ active: z.enum(['true', 'false']).transform((v) => v === 'true').optional() }) },
  responses: { 200: jsonResponse('A page of templates', pageSchema(QuizTemplateView).openapi('QuizTemplatePage')), ...bad, ...auth },
});
export const getQuizTemplateRoute = createRoute({
  method: 'get', path: '/api/hire/quiz-templates/{id}', tags: TAGS, summary: 'One quiz template, answers included', description: OWN, ...recruiter,
  request: { params: Id },
  responses: { 200: jsonResponse('The template', QuizTemplateView), ...bad, ...auth, ...gone('quiz template') },
});
export const previewQuizTemplateRoute = createRoute({
  method: 'get', path: '/api/hire/quiz-templates/{id}/preview', tags: TAGS, summary: 'The quiz as a candidate sees it (no answers)', ...recruiter,
  request: { params: Id },
  responses: { 200: jsonResponse('The candidate view', CandidateQuizView), ...bad, ...auth, ...gone('quiz template') },
});
export const updateQuizTemplateRoute = createRoute({
  method: 'patch', path: '/api/hire/quiz-templates/{id}', tags: TAGS, summary: 'Edit your quiz template (sent quizzes keep the questions they were sent)', description: OWN, ...recruiter,
  request: { params: Id, body: jsonBody(UpdateQuizTemplateBody) },
  responses: { 200: jsonResponse('The template', QuizTemplateView), ...bad, 401: auth[401], 403: problemResponse('A system template, and you are not SUPERADMIN'), ...gone('quiz template') },
});
export const deleteQuizTemplateRoute = createRoute({
  method: 'delete', path: '/api/hire/quiz-templates/{id}', tags: TAGS, summary: 'Delete your quiz template (configs using it lose the quiz link)', description: OWN, ...recruiter,
  request: { params: Id },
  responses: { 204: { description: 'Deleted' }, ...bad, 401: auth[401], 403: problemResponse('A system template, and you are not SUPERADMIN'), ...gone('quiz template') },
});

// AI call prompts
export const createAiCallPromptRoute = createRoute({
  method: 'post', path: '/api/hire/ai-call-prompts', tags: TAGS, summary: 'Create an AI call prompt (version 1 of its name)', ...recruiter,
  request: { body: jsonBody(CreateAiCallPromptBody) },
  responses: { 201: jsonResponse('The prompt', AiCallPromptView), ...bad, ...auth, 409: problemResponse('The name is taken; edit it to make a new version') },
});
export const listAiCallPromptsRoute = createRoute({
  method: 'get', path: '/api/hire/ai-call-prompts', tags: TAGS, summary: 'The latest version of every prompt, by name', ...recruiter,
  request: {
    query: z.object({
      purpose: z.string().trim().min(1).max(100).optional(),
      after: z.string().max(100).optional().openapi({ description: 'The previous page’s nextName' }),
      limit: z.coerce.number().int().min(1).max(100).default(20),
    }),
  },
  responses: { 200: jsonResponse('Latest versions', z.object({ items: z.array(AiCallPromptView), nextName: z.string().nullable() })), ...bad, ...auth },
});
export const getAiCallPromptRoute = createRoute({
  method: 'get', path: '/api/hire/ai-call-prompts/{id}', tags: TAGS, summary: 'One prompt version', ...recruiter,
  request: { params: Id },
  responses: { 200: jsonResponse('The prompt', AiCallPromptView), ...bad, ...auth, ...gone('AI call prompt') },
});
export const listAiCallPromptVersionsRoute = createRoute({
  method: 'get', path: '/api/hire/ai-call-prompts/{id}/versions', tags: TAGS, summary: 'Every version of this prompt’s name, newest first', ...recruiter,
  request: { params: Id },
  responses: { 200: jsonResponse('The versions', z.object({ items: z.array(AiCallPromptView) })), ...bad, ...auth, ...gone('AI call prompt') },
});
export const reviseAiCallPromptRoute = createRoute({
  method: 'patch', path: '/api/hire/ai-call-prompts/{id}', tags: TAGS, summary: 'Edit a prompt: writes version + 1 (older versions become inactive)', ...recruiter,
  request: { params: Id, body: jsonBody(ReviseAiCallPromptBody) },
  responses: { 201: jsonResponse('The new version', AiCallPromptView), ...bad, ...auth, ...gone('AI call prompt'), 409: problemResponse('Not the latest version, or someone saved a version meanwhile') },
});

// HR platform accounts
export const linkAccountRoute = createRoute({
  method: 'post', path: '/api/hire/platform-accounts', tags: TAGS, summary: 'Link your account on a platform; credentials are stored encrypted and never returned', ...recruiter,
  request: { body: jsonBody(LinkAccountBody) },
  responses: { 201: jsonResponse('The account (hasCredentials, never the credentials)', AccountView), ...bad, ...auth, 409: problemResponse('Linked already'), 422: problemResponse('Unknown platform') },
});
export const listAccountsRoute = createRoute({
  method: 'get', path: '/api/hire/platform-accounts', tags: TAGS, summary: 'Your linked accounts, newest first', description: OWN, ...recruiter,
  request: { query: PageQuery },
  responses: { 200: jsonResponse('A page of accounts', pageSchema(AccountView).openapi('HrPlatformAccountPage')), ...bad, ...auth },
});
export const getAccountRoute = createRoute({
  method: 'get', path: '/api/hire/platform-accounts/{id}', tags: TAGS, summary: 'One linked account', description: OWN, ...recruiter,
  request: { params: Id },
  responses: { 200: jsonResponse('The account', AccountView), ...bad, ...auth, ...gone('account') },
});
export const updateAccountRoute = createRoute({
  method: 'patch', path: '/api/hire/platform-accounts/{id}', tags: TAGS, summary: 'Edit a linked account, or rotate its credentials', description: OWN, ...recruiter,
  request: { params: Id, body: jsonBody(UpdateAccountBody) },
  responses: { 200: jsonResponse('The account', AccountView), ...bad, ...auth, ...gone('account') },
});
export const unlinkAccountRoute = createRoute({
  method: 'delete', path: '/api/hire/platform-accounts/{id}', tags: TAGS, summary: 'Unlink an account (its postings keep their history)', description: OWN, ...recruiter,
  request: { params: Id },
  responses: { 204: { description: 'Unlinked' }, ...bad, ...auth, ...gone('account') },
});
