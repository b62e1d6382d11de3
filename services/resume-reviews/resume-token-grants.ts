// Staff grant resume tokens (the tokens.resumeToken wallet, tokens.resumeBalance) to a student:
// one ledger row per grant, keyed resume-grant:<userId>:<reference> where the reference is the
// caller's own id for the grant, so a retried or doubled request credits once and answers with the
// first grant. The wallet row is locked for the credit; a user without one gets it.
import { DomainError } from '../../domain/errors.js';
import { isUniqueViolation } from '../../infra/prisma-errors.js';
import type { AuthContext, ServiceDeps } from '../deps.js';

type Deps = Pick<ServiceDeps, 'db'>;

export interface ResumeTokenGrantInput {
  amount: number;
  reason: string;
  /** The caller's id for this grant (for example a ticket number): a repeat with it credits nothing. */
  reference: string;
}

export const resumeGrantKey = (userId: string, reference: string) => `resume-grant:${userId}:${reference}`;

export interface ResumeTokenGrant {
  userId: string;
  amount: number;
  resumeBalance: number;
  reference: string;
  reason: string | null;
  grantedAt: string;
  created: boolean;
}

async function priorGrant(deps: Deps, userId: string, reference: string): Promise<ResumeTokenGrant | null> {
  const row = await deps.db.tokenUsage.findUnique({ where: { idempotencyKey: resumeGrantKey(userId, reference) } });
  if (!row) return null;
  return { userId, amount: row.amount, resumeBalance: row.balanceAfter, reference, reason: row.description, grantedAt: row.createdAt.toISOString(), created: false };
}

export async function grantResumeTokens(deps: Deps, actor: AuthContext, userId: string, input: ResumeTokenGrantInput): Promise<ResumeTokenGrant> {
  const prior = await priorGrant(deps, userId, input.reference);
  if (prior) return prior;
  const user = await deps.db.user.findUnique({ where: { id: userId }, select: { id: true, isActive: true } });
  if (!user) throw new DomainError('NOT_FOUND', 'No such user');
  if (!user.isActive) throw new DomainError('UNPROCESSABLE', 'The account is deactivated', [{ path: 'param.id', message: 'deactivated' }]);
  try {
    return await deps.db.$transaction(async (tx) => {
      await tx.$executeRaw`INSERT INTO "public"."tokens" ("userId", "updatedAt") VALUES (${userId}::uuid, now()) ON CONFLICT ("userId") DO NOTHING`;
      const [wallet] = await tx.$queryRaw<{ resumeBalance: number }[]>`SELECT "resumeBalance" FROM "public"."tokens" WHERE "userId" = ${userId}::uuid FOR UPDATE`;
      const resumeBalance = (wallet?.resumeBalance ?? 0) + input.amount;
      await tx.token.update({ where: { userId }, data: { resumeBalance } });
      const row = await tx.tokenUsage.create({
        data: { userId, type: 'ADMIN_ADJUSTMENT', amount: input.amount, balanceAfter: resumeBalance, description: `Resume tokens granted by ${actor.userId}: ${input.reason}`, idempotencyKey: resumeGrantKey(userId, input.reference) },
      });
      return { userId, amount: input.amount, resumeBalance, reference: input.reference, reason: row.description, grantedAt: row.createdAt.toISOString(), created: true };
    });
  } catch (err) {
    // The loser of two parallel grants with one reference: the winner's grant is the answer.
    if (isUniqueViolation(err)) {
      const won = await priorGrant(deps, userId, input.reference);
      if (won) return won;
    }
    throw err;
  }
}
