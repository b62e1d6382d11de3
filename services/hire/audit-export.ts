// The per-job audit export: one CSV row per decision (every AI verdict with its model, prompt
// version, input hash, score and reasons; every recruiter action with who and why), and one
// row for a candidate with no decision yet. Rows are produced in keyset batches of candidates,
// so a 10k-candidate job is never held in memory. Cells are RFC 4180 quoted and neutralised
// against spreadsheet formula injection (a leading = + - @ tab or CR gets a leading ').
import { csvCell, csvLine } from '../../domain/csv.js';
import type { Prisma } from '../../prisma/generated/client.js';
import type { ServiceDeps } from '../deps.js';
import { jobForRecruiter, type RecruiterScope } from './job-access.js';

export const AUDIT_COLUMNS = [
  'candidate_id',
  'name',
  'email',
  'stage',
  'kind',
  'actor_type',
  'actor_user_id',
  'model',
  'prompt_version',
  'input_hash',
  'score',
  'reasons',
  'note',
  'at',
] as const;


export { csvCell, csvLine };

export interface AuditExport {
  filename: string;
  /** The CSV, header first, a chunk per batch of candidates. */
  chunks: AsyncIterable<string>;
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'job';

/** Checks scope before anything is streamed (a 404 is a problem, not a half-written CSV). */
export async function auditExport(deps: Pick<ServiceDeps, 'db'>, scope: RecruiterScope, jobPostId: string, opts: { batchSize?: number } = {}): Promise<AuditExport> {
  const job = await jobForRecruiter(deps.db, scope, jobPostId, { id: true, title: true });
  return { filename: `audit-${slug(job.title)}-${job.id}.csv`, chunks: auditChunks(deps.db, job.id, scope.platform, opts.batchSize ?? 500) };
}

async function* auditChunks(db: ServiceDeps['db'], jobPostId: string, platform: string, batchSize: number): AsyncGenerator<string> {
  yield csvLine([...AUDIT_COLUMNS]);
  let after: { createdAt: Date; id: string } | undefined;
  for (;;) {
    const where: Prisma.JobApplicationWhereInput = {
      jobPostId,
      platform,
      ...(after ? { OR: [{ createdAt: { gt: after.createdAt } }, { createdAt: after.createdAt, id: { gt: after.id } }] } : {}),
    };
    const candidates = await db.jobApplication.findMany({
      where,
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take: batchSize,
      select: { id: true, name: true, email: true, status: true, createdAt: true },
    });
    if (candidates.length === 0) return;
    const decisions = await db.candidateDecision.findMany({
      where: { jobApplicationId: { in: candidates.map((c) => c.id) } },
      orderBy: [{ jobApplicationId: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
    });
    const byCandidate = new Map<string, typeof decisions>();
    for (const d of decisions) {
      const list = byCandidate.get(d.jobApplicationId);
      if (list) list.push(d);
      else byCandidate.set(d.jobApplicationId, [d]);
    }
    let chunk = '';
    for (const c of candidates) {
      const list = byCandidate.get(c.id);
      if (!list) {
        chunk += csvLine([c.id, c.name, c.email, c.status, '', '', '', '', '', '', '', '', '', '']);
        continue;
      }
      for (const d of list) {
        chunk += csvLine([
          c.id,
          c.name,
          c.email,
          d.stage,
          d.kind,
          d.actorType,
          d.actorUserId,
          d.model,
          d.promptVersion,
          d.inputHash,
          d.score?.toString() ?? null,
          d.reasons === null ? null : JSON.stringify(d.reasons),
          d.note,
          d.createdAt.toISOString(),
        ]);
      }
    }
    yield chunk;
    if (candidates.length < batchSize) return;
    const last = candidates[candidates.length - 1]!;
    after = { createdAt: last.createdAt, id: last.id };
  }
}
