// Quiz templates: a recruiter's own (createdById) and system ones (createdById null, SUPERADMIN
// writes them). Questions follow domain/hire/quiz-questions.ts; the candidate view strips answers.
import { DomainError } from '../../domain/errors.js';
import { maxPoints, publicQuestions, QuizQuestions, type QuizQuestion } from '../../domain/hire/quiz-questions.js';
import type { Db } from '../../infra/prisma.js';
import type { Prisma, QuizTemplate } from '../../prisma/generated/client.js';
import type { AuthContext, ServiceDeps } from '../deps.js';

export interface QuizTemplateInput {
  name?: string | undefined;
  description?: string | null | undefined;
  roleTitle?: string | null | undefined;
  skills?: string[] | undefined;
  difficulty?: 'easy' | 'medium' | 'hard' | null | undefined;
  questions?: QuizQuestion[] | undefined;
  timeLimitMinutes?: number | null | undefined;
  passPercentage?: number | null | undefined;
  isActive?: boolean | undefined;
  /** SUPERADMIN only: a system template, visible to every recruiter. */
  system?: boolean | undefined;
}

/** Stored questions, re-checked: a row written before the schema existed reads as no questions. */
export function storedQuestions(t: Pick<QuizTemplate, 'questions'>): QuizQuestion[] {
  const parsed = QuizQuestions.safeParse(t.questions);
  return parsed.success ? parsed.data : [];
}

export function toQuizTemplateView(t: QuizTemplate) {
  const questions = storedQuestions(t);
  return {
    id: t.id,
    name: t.name,
    description: t.description,
    roleTitle: t.roleTitle,
    skills: t.skills,
    difficulty: t.difficulty,
    questions,
    maxPoints: maxPoints(questions),
    timeLimitMinutes: t.timeLimitMinutes,
    passPercentage: t.passPercentage?.toNumber() ?? null,
    createdById: t.createdById,
    system: t.createdById === null,
    isActive: t.isActive,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  };
}

/** What a candidate may see of a template: the questions without `correct`. */
export function toCandidateQuiz(t: QuizTemplate) {
  const questions = storedQuestions(t);
  return { id: t.id, name: t.name, description: t.description, timeLimitMinutes: t.timeLimitMinutes, questions: publicQuestions(questions), maxPoints: maxPoints(questions) };
}

/** Templates a recruiter may use: system ones and their own (a SUPERADMIN: all). */
export function usableQuizWhere(actor: AuthContext): Prisma.QuizTemplateWhereInput {
  return actor.role === 'SUPERADMIN' ? {} : { OR: [{ createdById: null }, { createdById: actor.userId }] };
}
/** Templates a recruiter may change: their own (a SUPERADMIN: all). */
const editableWhere = (actor: AuthContext): Prisma.QuizTemplateWhereInput => (actor.role === 'SUPERADMIN' ? {} : { createdById: actor.userId });

function data(input: QuizTemplateInput) {
  const { system: _system, questions, ...rest } = input;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(rest)) if (v !== undefined) out[k] = v;
  if (questions !== undefined) out.questions = questions as unknown as Prisma.InputJsonValue;
  return out;
}

export async function createQuizTemplate(deps: Pick<ServiceDeps, 'db'>, actor: AuthContext, input: QuizTemplateInput & { name: string; questions: QuizQuestion[] }) {
  if (input.system && actor.role !== 'SUPERADMIN') throw new DomainError('FORBIDDEN', 'Only a SUPERADMIN writes system quiz templates');
  const row = await deps.db.quizTemplate.create({ data: { ...(data(input) as Prisma.QuizTemplateUncheckedCreateInput), name: input.name, questions: input.questions as unknown as Prisma.InputJsonValue, createdById: input.system ? null : actor.userId } });
  return toQuizTemplateView(row);
}

export async function listQuizTemplates(deps: Pick<ServiceDeps, 'db'>, actor: AuthContext, f: { active?: boolean | undefined }, page: { where: Prisma.QuizTemplateWhereInput; orderBy: Prisma.QuizTemplateOrderByWithRelationInput[]; take: number }) {
  return deps.db.quizTemplate.findMany({ where: { AND: [page.where, usableQuizWhere(actor), f.active === undefined ? {} : { isActive: f.active }] }, orderBy: page.orderBy, take: page.take });
}

async function reach(db: Db, where: Prisma.QuizTemplateWhereInput, id: string) {
  const row = await db.quizTemplate.findFirst({ where: { AND: [{ id }, where] } });
  if (!row) throw new DomainError('NOT_FOUND', `Quiz template ${id} does not exist`);
  return row;
}

export async function getQuizTemplate(deps: Pick<ServiceDeps, 'db'>, actor: AuthContext, id: string) {
  return toQuizTemplateView(await reach(deps.db, usableQuizWhere(actor), id));
}

/** The template as its candidates will see it. */
export async function previewQuizTemplate(deps: Pick<ServiceDeps, 'db'>, actor: AuthContext, id: string) {
  return toCandidateQuiz(await reach(deps.db, usableQuizWhere(actor), id));
}

export async function updateQuizTemplate(deps: Pick<ServiceDeps, 'db'>, actor: AuthContext, id: string, changes: QuizTemplateInput) {
  if (changes.system !== undefined) throw new DomainError('VALIDATION_FAILED', 'A template cannot change between system and own', [{ path: 'json.system', message: 'Not editable' }]);
  const current = await reach(deps.db, usableQuizWhere(actor), id);
  // A system template is usable by an ADMIN but not theirs to change.
  if (actor.role !== 'SUPERADMIN' && current.createdById !== actor.userId) throw new DomainError('FORBIDDEN', 'System quiz templates are changed by a SUPERADMIN');
  return toQuizTemplateView(await deps.db.quizTemplate.update({ where: { id }, data: data(changes) }));
}

export async function deleteQuizTemplate(deps: Pick<ServiceDeps, 'db'>, actor: AuthContext, id: string) {
  const { count } = await deps.db.quizTemplate.deleteMany({ where: { AND: [{ id }, editableWhere(actor)] } });
  if (count > 0) return;
  await reach(deps.db, usableQuizWhere(actor), id);
  throw new DomainError('FORBIDDEN', 'System quiz templates are changed by a SUPERADMIN');
}
