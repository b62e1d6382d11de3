// The talent-pool candidates suggested for a job, best match first, in keyset pages: each match
// with its score, matched skills and the candidate snapshot kept in talent_pool_entries. Only
// entries of the job's own platform are shown (the pool is per tenant).
import type { Prisma, TalentPoolMatchStatus } from '../../prisma/generated/client.js';
import type { ServiceDeps } from '../deps.js';
import { decodeKeyCursor, encodeKeyCursor } from './cursor.js';
import { jobForRecruiter, type RecruiterScope } from './job-access.js';

export interface TalentPoolMatchItem {
  id: string;
  status: TalentPoolMatchStatus;
  matchScore: number;
  matchedSkills: string[];
  reasoning: string | null;
  contactedAt: string | null;
  createdAt: string;
  candidate: {
    talentPoolEntryId: string;
    jobApplicationId: string;
    name: string | null;
    email: string | null;
    skills: string[];
    experienceYears: number | null;
    currentRole: string | null;
    location: string | null;
    summary: string | null;
    score: number | null;
  };
}

const CURSOR = ['number', 'uuid'] as const;

export async function listTalentPoolMatches(
  deps: Pick<ServiceDeps, 'db'>,
  scope: RecruiterScope,
  jobPostId: string,
  page: { status?: TalentPoolMatchStatus | undefined; cursor?: string | undefined; limit: number },
): Promise<{ items: TalentPoolMatchItem[]; nextCursor: string | null }> {
  const job = await jobForRecruiter(deps.db, scope, jobPostId, { id: true });
  const where: Prisma.TalentPoolMatchWhereInput = { jobPostId: job.id, talentPoolEntry: { platform: scope.platform }, ...(page.status ? { status: page.status } : {}) };
  if (page.cursor) {
    const [score, id] = decodeKeyCursor(page.cursor, CURSOR);
    where.OR = [{ matchScore: { lt: score } }, { matchScore: score, id: { gt: id } }];
  }
  const rows = await deps.db.talentPoolMatch.findMany({
    where,
    orderBy: [{ matchScore: 'desc' }, { id: 'asc' }],
    take: page.limit + 1,
    include: { talentPoolEntry: true },
  });
  const items = rows.slice(0, page.limit);
  const last = items[items.length - 1];
  return {
    items: items.map((m) => {
      const e = m.talentPoolEntry;
      return {
        id: m.id,
        status: m.status,
        matchScore: m.matchScore.toNumber(),
        matchedSkills: m.matchedSkills,
        reasoning: m.reasoning,
        contactedAt: m.contactedAt?.toISOString() ?? null,
        createdAt: m.createdAt.toISOString(),
        candidate: {
          talentPoolEntryId: e.id,
          jobApplicationId: e.jobApplicationId,
          name: e.candidateName,
          email: e.candidateEmail,
          skills: e.skills,
          experienceYears: e.experienceYears?.toNumber() ?? null,
          currentRole: e.currentRole,
          location: e.location,
          summary: e.summary,
          score: e.score?.toNumber() ?? null,
        },
      };
    }),
    nextCursor: rows.length > page.limit && last ? encodeKeyCursor([last.matchScore.toNumber(), last.id]) : null,
  };
}
