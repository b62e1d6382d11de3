// The Ask MAS log as its users and staff read it: a user's own exchanges (feedback on their own
// rows only; another user's row is a 404, as if it did not exist), and the staff list with
// filters. The row never holds a key or a vendor's error text, so every column may be shown.
import type { AskMasStatus } from '../../domain/ai/ask-mas.js';
import { DomainError } from '../../domain/errors.js';
import type { Prisma } from '../../prisma/generated/client.js';
import type { ServiceDeps } from '../deps.js';

type Deps = Pick<ServiceDeps, 'db'>;
type Row = Prisma.AskMasLogGetPayload<object>;
interface Page {
  where: Prisma.AskMasLogWhereInput;
  orderBy: Prisma.AskMasLogOrderByWithRelationInput[];
  take: number;
}

export function toAskLogView(r: Row) {
  return {
    id: r.id,
    userId: r.userId,
    sessionId: r.sessionId,
    question: r.question,
    answer: r.answer,
    status: r.status,
    agentId: r.agentId,
    agentVersion: r.agentVersion,
    provider: r.provider,
    model: r.model,
    usedUserKey: r.usedUserKey,
    promptTokens: r.promptTokens,
    completionTokens: r.completionTokens,
    costPaise: r.costPaise,
    providerRequestId: r.providerRequestId,
    finishReason: r.finishReason,
    firstTokenMs: r.firstTokenMs,
    latencyMs: r.latencyMs,
    context: (r.context ?? null) as Record<string, unknown> | null,
    errorMessage: r.errorMessage,
    feedback: r.feedback,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}
export type AskLogView = ReturnType<typeof toAskLogView>;

export async function listMyAskLogs(deps: Deps, userId: string, filters: { sessionId?: string; status?: AskMasStatus }, page: Page): Promise<Row[]> {
  const where: Prisma.AskMasLogWhereInput[] = [page.where, { userId }];
  if (filters.sessionId) where.push({ sessionId: filters.sessionId });
  if (filters.status) where.push({ status: filters.status });
  return deps.db.askMasLog.findMany({ where: { AND: where }, orderBy: page.orderBy, take: page.take });
}

export interface AdminAskLogFilters {
  userId?: string;
  agentId?: string;
  status?: AskMasStatus;
  usedUserKey?: boolean;
  from?: Date;
  to?: Date;
}

export async function adminListAskLogs(deps: Deps, filters: AdminAskLogFilters, page: Page): Promise<Row[]> {
  const where: Prisma.AskMasLogWhereInput[] = [page.where];
  if (filters.userId) where.push({ userId: filters.userId });
  if (filters.agentId) where.push({ agentId: filters.agentId });
  if (filters.status) where.push({ status: filters.status });
  if (filters.usedUserKey !== undefined) where.push({ usedUserKey: filters.usedUserKey });
  if (filters.from || filters.to) where.push({ createdAt: { ...(filters.from ? { gte: filters.from } : {}), ...(filters.to ? { lt: filters.to } : {}) } });
  return deps.db.askMasLog.findMany({ where: { AND: where }, orderBy: page.orderBy, take: page.take });
}

/** +1 helpful, -1 not; on the user's own row only. */
export async function setAskFeedback(deps: Deps, userId: string, id: string, feedback: 1 | -1): Promise<AskLogView> {
  const { count } = await deps.db.askMasLog.updateMany({ where: { id, userId }, data: { feedback } });
  if (count === 0) throw new DomainError('NOT_FOUND', 'No such Ask MAS exchange');
  return toAskLogView(await deps.db.askMasLog.findUniqueOrThrow({ where: { id } }));
}
