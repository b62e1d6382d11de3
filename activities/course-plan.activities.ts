// Course-plan generation activities: thin adapters over services/course-plans/generation.ts.
// Refusals (DomainError) and permanent provider errors are non-retryable; a bad LLM answer is retried.
import type { CoursePlanStatus } from '../domain/course-plan/status.js';
import { failCoursePlan, generateLecture, generateOutline, moveCoursePlan, pendingLectures } from '../services/course-plans/generation.js';
import type { ActivityDeps } from './deps.js';
import { heartbeating } from './heartbeat.js';
import { refusingDomainErrors } from './failures.js';


export function createCoursePlanActivities(deps: Pick<ActivityDeps, 'db' | 'llm' | 'now'>) {
  return {
    generateCoursePlanOutline: ({ planId }: { planId: string }): Promise<{ lectures: number }> => heartbeating(() => refusingDomainErrors(() => generateOutline(deps, planId))),
    pendingCoursePlanLectures: ({ planId }: { planId: string }): Promise<number[]> => refusingDomainErrors(() => pendingLectures(deps.db, planId)),
    generateCoursePlanLecture: ({ planId, position }: { planId: string; position: number }): Promise<{ costPaise: number; already: boolean }> =>
      heartbeating(() => refusingDomainErrors(() => generateLecture(deps, planId, position, deps.now()))),
    moveCoursePlan: ({ planId, from, to, errorMessage }: { planId: string; from: CoursePlanStatus; to: CoursePlanStatus; errorMessage?: string | null }): Promise<void> =>
      refusingDomainErrors(() => moveCoursePlan(deps.db, planId, from, to, deps.now(), { errorMessage })),
    failCoursePlan: ({ planId, position, reason }: { planId: string; position: number | null; reason: string }): Promise<void> =>
      refusingDomainErrors(() => failCoursePlan(deps.db, planId, position, reason, deps.now())),
  };
}

export type CoursePlanActivities = ReturnType<typeof createCoursePlanActivities>;
