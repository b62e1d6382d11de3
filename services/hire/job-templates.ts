// Job templates: system ones (userId null, SUPERADMIN writes them) visible to every recruiter,
// and a recruiter's own. An ADMIN edits only their own; someone else's is a 404.
import { DomainError } from '../../domain/errors.js';
import { bandErrors } from '../../domain/hire/job-post.js';
import { Prisma, type JobTemplate } from '../../prisma/generated/client.js';
import type { AuthContext, ServiceDeps } from '../deps.js';

export interface JobTemplateInput {
  name?: string | undefined;
  title?: string | undefined;
  description?: string | null | undefined;
  roles?: Prisma.InputJsonValue | null | undefined;
  skills?: string[] | undefined;
  employmentType?: string | null | undefined;
  workMode?: string | null | undefined;
  location?: string | null | undefined;
  experienceMinYears?: number | null | undefined;
  experienceMaxYears?: number | null | undefined;
  salaryMin?: number | null | undefined;
  salaryMax?: number | null | undefined;
  isActive?: boolean | undefined;
  system?: boolean | undefined;
}

export function toJobTemplateView(t: JobTemplate) {
  return {
    id: t.id,
    userId: t.userId,
    system: t.userId === null,
    name: t.name,
    title: t.title,
    description: t.description,
    roles: t.roles,
    skills: t.skills,
    employmentType: t.employmentType,
    workMode: t.workMode,
    location: t.location,
    experienceMinYears: t.experienceMinYears,
    experienceMaxYears: t.experienceMaxYears,
    salaryMin: t.salaryMin?.toNumber() ?? null,
    salaryMax: t.salaryMax?.toNumber() ?? null,
    isActive: t.isActive,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  };
}

const visibleWhere = (actor: AuthContext): Prisma.JobTemplateWhereInput => (actor.role === 'SUPERADMIN' ? {} : { OR: [{ userId: null }, { userId: actor.userId }] });
const editableWhere = (actor: AuthContext): Prisma.JobTemplateWhereInput => (actor.role === 'SUPERADMIN' ? {} : { userId: actor.userId });

function data(input: JobTemplateInput) {
  const { system: _system, roles, ...rest } = input;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(rest)) if (v !== undefined) out[k] = v;
  if (roles !== undefined) out.roles = roles === null ? Prisma.DbNull : roles;
  return out;
}

function check(b: JobTemplateInput) {
  const errors = bandErrors(b, new Date());
  if (errors.length) throw new DomainError('VALIDATION_FAILED', 'The job template is invalid', errors);
}

export async function createJobTemplate(deps: Pick<ServiceDeps, 'db'>, actor: AuthContext, input: JobTemplateInput & { name: string; title: string }) {
  if (input.system && actor.role !== 'SUPERADMIN') throw new DomainError('FORBIDDEN', 'Only a SUPERADMIN writes system job templates');
  check(input);
  const row = await deps.db.jobTemplate.create({ data: { ...(data(input) as Prisma.JobTemplateUncheckedCreateInput), name: input.name, title: input.title, userId: input.system ? null : actor.userId } });
  return toJobTemplateView(row);
}

export function listJobTemplates(deps: Pick<ServiceDeps, 'db'>, actor: AuthContext, page: { where: Prisma.JobTemplateWhereInput; orderBy: Prisma.JobTemplateOrderByWithRelationInput[]; take: number }) {
  return deps.db.jobTemplate.findMany({ where: { AND: [page.where, visibleWhere(actor)] }, orderBy: page.orderBy, take: page.take });
}

async function reach(deps: Pick<ServiceDeps, 'db'>, where: Prisma.JobTemplateWhereInput, id: string) {
  const row = await deps.db.jobTemplate.findFirst({ where: { AND: [{ id }, where] } });
  if (!row) throw new DomainError('NOT_FOUND', `Job template ${id} does not exist`);
  return row;
}

export async function getJobTemplate(deps: Pick<ServiceDeps, 'db'>, actor: AuthContext, id: string) {
  return toJobTemplateView(await reach(deps, visibleWhere(actor), id));
}

export async function updateJobTemplate(deps: Pick<ServiceDeps, 'db'>, actor: AuthContext, id: string, changes: JobTemplateInput) {
  if (changes.system !== undefined) throw new DomainError('VALIDATION_FAILED', 'A template cannot change between system and own', [{ path: 'json.system', message: 'Not editable' }]);
  const current = await reach(deps, visibleWhere(actor), id);
  // A system template is visible to an ADMIN but not theirs to change.
  if (actor.role !== 'SUPERADMIN' && current.userId !== actor.userId) throw new DomainError('FORBIDDEN', 'System job templates are changed by a SUPERADMIN');
  const pick = (k: 'salaryMin' | 'salaryMax') => (changes[k] !== undefined ? changes[k] : current[k]?.toNumber() ?? null);
  check({
    salaryMin: pick('salaryMin'),
    salaryMax: pick('salaryMax'),
    experienceMinYears: changes.experienceMinYears !== undefined ? changes.experienceMinYears : current.experienceMinYears,
    experienceMaxYears: changes.experienceMaxYears !== undefined ? changes.experienceMaxYears : current.experienceMaxYears,
  });
  return toJobTemplateView(await deps.db.jobTemplate.update({ where: { id }, data: data(changes) }));
}

export async function deleteJobTemplate(deps: Pick<ServiceDeps, 'db'>, actor: AuthContext, id: string) {
  const { count } = await deps.db.jobTemplate.deleteMany({ where: { AND: [{ id }, editableWhere(actor)] } });
  if (count > 0) return;
  await reach(deps, visibleWhere(actor), id);
  throw new DomainError('FORBIDDEN', 'System job templates are changed by a SUPERADMIN');
}
