// Progress through an AI classroom (ai_classroom_progress): a student records their own, in a
// classroom they may see (services/ai/classrooms.ts visibleClassroomsWhere), and reads it back;
// staff list a classroom's progress. One row per user and classroom, written by one atomic
// upsert, so parallel reports never lose an update. Monotonic: percent, completed sections and
// time spent keep the larger of stored and reported, COMPLETED is never left, startedAt and
// completedAt are set once; the current section (the resume point) moves freely.
import { DomainError } from '../../domain/errors.js';
import type { Prisma } from '../../prisma/generated/client.js';
import type { AuthContext, ServiceDeps } from '../deps.js';
import { findVisibleClassroom } from './classrooms.js';

type Deps = Pick<ServiceDeps, 'db'>;

export interface ProgressInput {
  progressPercent?: number | undefined;
  currentSection?: number | undefined;
  completedSections?: number | undefined;
  /** The total time spent so far (not a delta). */
  timeSpentSeconds?: number | undefined;
  quizScore?: number | undefined;
}

const progressSelect = {
  id: true,
  userId: true,
  aiClassroomId: true,
  status: true,
  progressPercent: true,
  currentSection: true,
  completedSections: true,
  timeSpentSeconds: true,
  quizScore: true,
  startedAt: true,
  completedAt: true,
  lastAccessedAt: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.AiClassroomProgressSelect;
type ProgressRow = Prisma.AiClassroomProgressGetPayload<{ select: typeof progressSelect }>;

const iso = (d: Date | null) => d?.toISOString() ?? null;

export const toProgressView = (r: ProgressRow) => ({
  ...r,
  progressPercent: Number(r.progressPercent),
  quizScore: r.quizScore === null ? null : Number(r.quizScore),
  startedAt: iso(r.startedAt),
  completedAt: iso(r.completedAt),
  lastAccessedAt: iso(r.lastAccessedAt),
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

/** The number of sections in a classroom's content ({ sections: [...] }), when it has that shape. */
export function sectionCount(content: unknown): number | null {
  if (!content || typeof content !== 'object' || Array.isArray(content)) return null;
  const sections = (content as { sections?: unknown }).sections;
  return Array.isArray(sections) ? sections.length : null;
}

function checkSections(input: ProgressInput, sections: number | null) {
  if (sections === null) return;
  if (input.completedSections !== undefined && input.completedSections > sections) {
    throw new DomainError('UNPROCESSABLE', `The classroom has ${sections} sections`, [{ path: 'json.completedSections', message: `At most ${sections}` }]);
  }
  if (input.currentSection !== undefined && input.currentSection >= Math.max(1, sections)) {
    throw new DomainError('UNPROCESSABLE', `The classroom has ${sections} sections`, [{ path: 'json.currentSection', message: `At most ${Math.max(0, sections - 1)}` }]);
  }
}

/** The percent to record: as reported, or else derived from the completed sections when the content says how many there are. */
function percentOf(input: ProgressInput, sections: number | null): number {
  if (input.progressPercent !== undefined) return input.progressPercent;
  if (input.completedSections !== undefined && sections) return Math.round((input.completedSections / sections) * 10_000) / 100;
  return 0;
}

export async function recordMyProgress({ db }: Deps, actor: AuthContext, classroomId: string, input: ProgressInput, now = new Date()) {
  const classroom = await findVisibleClassroom(db, actor, classroomId);
  const sections = sectionCount(classroom.content);
  checkSections(input, sections);
  const percent = percentOf(input, sections);
  const completedSections = input.completedSections ?? 0;
  const timeSpent = input.timeSpentSeconds ?? 0;
  const hasCurrent = input.currentSection !== undefined;
  const quiz = input.quizScore ?? null;
  const [row] = await db.$queryRaw<{ id: string }[]>`
    INSERT INTO "public"."ai_classroom_progress" AS p
      ("userId", "aiClassroomId", "status", "progressPercent", "currentSection", "completedSections", "timeSpentSeconds", "quizScore", "startedAt", "completedAt", "lastAccessedAt", "createdAt", "updatedAt")
    VALUES (${actor.userId}::uuid, ${classroomId}::uuid,
      (CASE WHEN ${percent}::numeric >= 100 THEN 'COMPLETED' ELSE 'IN_PROGRESS' END)::"AiClassroomProgressStatus",
      ${percent}::numeric, ${input.currentSection ?? 0}::int, ${completedSections}::int, ${timeSpent}::int, ${quiz}::numeric,
      ${now}, CASE WHEN ${percent}::numeric >= 100 THEN ${now}::timestamp(3) ELSE NULL END, ${now}, ${now}, ${now})
    ON CONFLICT ("userId", "aiClassroomId") DO UPDATE SET
      "progressPercent"   = GREATEST(p."progressPercent", EXCLUDED."progressPercent"),
      "currentSection"    = CASE WHEN ${hasCurrent} THEN EXCLUDED."currentSection" ELSE p."currentSection" END,
      "completedSections" = GREATEST(p."completedSections", EXCLUDED."completedSections"),
      "timeSpentSeconds"  = GREATEST(p."timeSpentSeconds", EXCLUDED."timeSpentSeconds"),
      "quizScore"         = COALESCE(EXCLUDED."quizScore", p."quizScore"),
      "status"            = (CASE WHEN p."status" = 'COMPLETED' OR GREATEST(p."progressPercent", EXCLUDED."progressPercent") >= 100 THEN 'COMPLETED' ELSE 'IN_PROGRESS' END)::"AiClassroomProgressStatus",
      "startedAt"         = COALESCE(p."startedAt", EXCLUDED."startedAt"),
      "completedAt"       = COALESCE(p."completedAt", CASE WHEN GREATEST(p."progressPercent", EXCLUDED."progressPercent") >= 100 THEN EXCLUDED."lastAccessedAt" ELSE NULL END),
      "lastAccessedAt"    = EXCLUDED."lastAccessedAt",
      "updatedAt"         = EXCLUDED."updatedAt"
    RETURNING "id"::text AS "id"`;
  return toProgressView(await db.aiClassroomProgress.findUniqueOrThrow({ where: { id: row!.id }, select: progressSelect }));
}

/** The caller's progress in a classroom they may see; NOT_STARTED (id null) before their first report. */
export async function getMyProgress({ db }: Deps, actor: AuthContext, classroomId: string) {
  await findVisibleClassroom(db, actor, classroomId);
  const row = await db.aiClassroomProgress.findUnique({ where: { userId_aiClassroomId: { userId: actor.userId, aiClassroomId: classroomId } }, select: progressSelect });
  if (row) return toProgressView(row);
  return {
    id: null,
    userId: actor.userId,
    aiClassroomId: classroomId,
    status: 'NOT_STARTED' as const,
    progressPercent: 0,
    currentSection: 0,
    completedSections: 0,
    timeSpentSeconds: 0,
    quizScore: null,
    startedAt: null,
    completedAt: null,
    lastAccessedAt: null,
    createdAt: null,
    updatedAt: null,
  };
}

const userSelect = { id: true, name: true, email: true } as const;

/** Staff: every user's progress in the classroom, newest first. */
export async function listClassroomProgress(
  { db }: Deps,
  classroomId: string,
  status: 'NOT_STARTED' | 'IN_PROGRESS' | 'COMPLETED' | undefined,
  page: { where: Prisma.AiClassroomProgressWhereInput; orderBy: Prisma.AiClassroomProgressOrderByWithRelationInput[]; take: number },
) {
  if (!(await db.aiClassroom.findUnique({ where: { id: classroomId }, select: { id: true } }))) throw new DomainError('NOT_FOUND', 'No such AI classroom');
  return db.aiClassroomProgress.findMany({
    where: { AND: [page.where, { aiClassroomId: classroomId }, status ? { status } : {}] },
    orderBy: page.orderBy,
    take: page.take,
    select: { ...progressSelect, user: { select: userSelect } },
  });
}
