// Skill and weekly ratings of a student, written by those who may rate them (services/engagement/
// access.ts: staff; the batch's community managers; a mentor only after a COMPLETED session with
// the student — anyone else 404) and read by the student (their own only).
import { assertMonday } from '../../domain/engagement/records.js';
import type { Prisma } from '../../prisma/generated/client.js';
import type { AuthContext, ServiceDeps } from '../deps.js';
import { assertMayRateStudent } from './access.js';

type Deps = Pick<ServiceDeps, 'db'>;
type Page<W, O> = { where: W; orderBy: O[]; take: number };

const skillSelect = { id: true, userId: true, ratedById: true, batchId: true, skill: true, rating: true, comment: true, ratedAt: true, createdAt: true } as const satisfies Prisma.StudentSkillRatingSelect;
type SkillRow = Prisma.StudentSkillRatingGetPayload<{ select: typeof skillSelect }>;
export const toSkillRatingView = (r: SkillRow) => ({ ...r, ratedAt: r.ratedAt.toISOString(), createdAt: r.createdAt.toISOString() });

export async function rateSkill({ db }: Deps, actor: AuthContext, studentId: string, input: { skill: string; rating: number; comment?: string | undefined; batchId?: string | undefined }) {
  await assertMayRateStudent(db, actor, studentId);
  const row = await db.studentSkillRating.create({
    data: { userId: studentId, ratedById: actor.userId, batchId: input.batchId ?? null, skill: input.skill, rating: input.rating, comment: input.comment ?? null },
    select: skillSelect,
  });
  return toSkillRatingView(row);
}

export function listSkillRatings({ db }: Deps, userId: string, f: { skill?: string | undefined }, page: Page<Prisma.StudentSkillRatingWhereInput, Prisma.StudentSkillRatingOrderByWithRelationInput>) {
  return db.studentSkillRating.findMany({ where: { AND: [page.where, { userId }, ...(f.skill ? [{ skill: { equals: f.skill, mode: 'insensitive' as const } }] : [])] }, orderBy: page.orderBy, take: page.take, select: skillSelect });
}

const weeklySelect = { id: true, userId: true, ratedById: true, batchId: true, weekStart: true, rating: true, breakdown: true, feedback: true, createdAt: true, updatedAt: true } as const satisfies Prisma.WeeklyRatingSelect;
type WeeklyRow = Prisma.WeeklyRatingGetPayload<{ select: typeof weeklySelect }>;
export const toWeeklyRatingView = (r: WeeklyRow) => ({
  ...r,
  weekStart: r.weekStart.toISOString().slice(0, 10),
  breakdown: (r.breakdown ?? null) as Record<string, number> | null,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

export interface WeeklyRatingInput {
  weekStart: string;
  rating: number;
  breakdown?: Record<string, number> | undefined;
  feedback?: string | undefined;
  batchId?: string | undefined;
}

/** One rating per (student, rater, week): rating the same week again replaces it. */
export async function rateWeek({ db }: Deps, actor: AuthContext, studentId: string, input: WeeklyRatingInput) {
  const weekStart = assertMonday(input.weekStart);
  await assertMayRateStudent(db, actor, studentId);
  const data = { rating: input.rating, breakdown: input.breakdown ?? {}, feedback: input.feedback ?? null, batchId: input.batchId ?? null };
  const row = await db.weeklyRating.upsert({
    where: { userId_ratedById_weekStart: { userId: studentId, ratedById: actor.userId, weekStart } },
    create: { userId: studentId, ratedById: actor.userId, weekStart, ...data },
    update: data,
    select: weeklySelect,
  });
  return toWeeklyRatingView(row);
}

export function listWeeklyRatings({ db }: Deps, userId: string, page: Page<Prisma.WeeklyRatingWhereInput, Prisma.WeeklyRatingOrderByWithRelationInput>) {
  return db.weeklyRating.findMany({ where: { AND: [page.where, { userId }] }, orderBy: page.orderBy, take: page.take, select: weeklySelect });
}
