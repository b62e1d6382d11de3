// A recruiter's workflow rules on their job: list, create, change, switch off, delete. A rule
// names an event (a stage reached), optional conditions (toStatus, min/max score), inline notify
// actions and/or a CRM workflow to enroll the candidate in (it must exist; it must be published
// for the rule to act). The pipeline runs them (workflow-rules.ts).
import { DomainError } from '../../domain/errors.js';
import type { Db } from '../../infra/prisma.js';
import type { Prisma, WorkflowRule, WorkflowRuleEvent } from '../../prisma/generated/client.js';
import { jobForRecruiter, jobScopeWhere, type RecruiterScope } from './job-access.js';

export interface RuleInput {
  name: string;
  event: WorkflowRuleEvent;
  conditions?: { toStatus?: string | undefined; minScore?: number | undefined; maxScore?: number | undefined } | null | undefined;
  actions?: { type: 'notify'; userId?: string | undefined; title?: string | undefined; message?: string | undefined }[] | null | undefined;
  workflowId?: string | null | undefined;
  isActive?: boolean | undefined;
  priority?: number | undefined;
}

async function checkRule(db: Db, input: Partial<RuleInput>) {
  if (input.event === 'STATUS_CHANGED' && input.conditions !== undefined && !input.conditions?.toStatus) {
    throw new DomainError('VALIDATION_FAILED', 'A STATUS_CHANGED rule names its stage', [{ path: 'conditions.toStatus', message: 'Required for STATUS_CHANGED' }]);
  }
  if (input.workflowId && !(await db.crmWorkflow.findUnique({ where: { id: input.workflowId }, select: { id: true } }))) {
    throw new DomainError('VALIDATION_FAILED', 'No such CRM workflow', [{ path: 'workflowId', message: 'No such CRM workflow' }]);
  }
  if (input.actions) {
    const users = input.actions.map((a) => a.userId).filter((u): u is string => Boolean(u));
    if (users.length && (await db.user.count({ where: { id: { in: users } } })) !== new Set(users).size) {
      throw new DomainError('VALIDATION_FAILED', 'A notify action names an unknown user', [{ path: 'actions', message: 'Unknown userId' }]);
    }
  }
}

const json = (v: unknown) => (v === null ? undefined : (v as Prisma.InputJsonValue));

export async function listRules(db: Db, scope: RecruiterScope, jobPostId: string): Promise<WorkflowRule[]> {
  await jobForRecruiter(db, scope, jobPostId, { id: true });
  return db.workflowRule.findMany({ where: { jobPostId }, orderBy: [{ priority: 'asc' }, { createdAt: 'asc' }], take: 200 });
}

export async function createRule(db: Db, scope: RecruiterScope, jobPostId: string, input: RuleInput): Promise<WorkflowRule> {
  await jobForRecruiter(db, scope, jobPostId, { id: true });
  await checkRule(db, input);
  if (input.event === 'STATUS_CHANGED' && !input.conditions?.toStatus) throw new DomainError('VALIDATION_FAILED', 'A STATUS_CHANGED rule names its stage', [{ path: 'conditions.toStatus', message: 'Required for STATUS_CHANGED' }]);
  if ((await db.workflowRule.count({ where: { jobPostId } })) >= 50) throw new DomainError('CONFLICT', 'A job has at most 50 rules');
  return db.workflowRule.create({
    data: {
      jobPostId,
      name: input.name,
      event: input.event,
      conditions: json(input.conditions ?? null),
      actions: json(input.actions ?? null),
      workflowId: input.workflowId ?? null,
      isActive: input.isActive ?? true,
      priority: input.priority ?? 100,
      createdBy: scope.actor.userId,
    },
  });
}

async function ruleForRecruiter(db: Db, scope: RecruiterScope, ruleId: string): Promise<WorkflowRule> {
  const rule = await db.workflowRule.findFirst({ where: { id: ruleId, jobPost: jobScopeWhere(scope) } });
  if (!rule) throw new DomainError('NOT_FOUND', `Workflow rule ${ruleId} does not exist`);
  return rule;
}

export async function updateRule(db: Db, scope: RecruiterScope, ruleId: string, input: Partial<RuleInput>): Promise<WorkflowRule> {
  const rule = await ruleForRecruiter(db, scope, ruleId);
  await checkRule(db, { ...input, event: input.event ?? rule.event });
  return db.workflowRule.update({
    where: { id: rule.id },
    data: {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.event !== undefined ? { event: input.event } : {}),
      ...(input.conditions !== undefined ? { conditions: json(input.conditions) ?? (null as unknown as Prisma.InputJsonValue) } : {}),
      ...(input.actions !== undefined ? { actions: json(input.actions) ?? (null as unknown as Prisma.InputJsonValue) } : {}),
      ...(input.workflowId !== undefined ? { workflowId: input.workflowId } : {}),
      ...(input.isActive !== undefined ? { isActive: input.isActive } : {}),
      ...(input.priority !== undefined ? { priority: input.priority } : {}),
    },
  });
}

export async function deleteRule(db: Db, scope: RecruiterScope, ruleId: string): Promise<void> {
  const rule = await ruleForRecruiter(db, scope, ruleId);
  await db.workflowRule.delete({ where: { id: rule.id } });
}
