// A recruiter's screening defaults (ai_screening_configs): CRUD, one isDefault per user. A new
// job's screening config starts from its owner's default.
import { DomainError } from '../../domain/errors.js';
import { Prisma, type AiScreeningConfig } from '../../prisma/generated/client.js';
import type { AuthContext, ServiceDeps } from '../deps.js';
import type { Tx } from './job-posts.js';
import { ownerWhere } from './ownership.js';

export interface AiScreeningInput {
  name?: string | undefined;
  isDefault?: boolean | undefined;
  passThreshold?: number | undefined;
  criteria?: Record<string, number> | null | undefined;
  mustHaveSkills?: string[] | undefined;
  niceToHaveSkills?: string[] | undefined;
  minExperienceYears?: number | null | undefined;
  autoShortlist?: boolean | undefined;
  autoOutreach?: boolean | undefined;
  model?: string | null | undefined;
  promptInstructions?: string | null | undefined;
  isActive?: boolean | undefined;
}

export function toAiScreeningView(c: AiScreeningConfig) {
  return {
    id: c.id,
    userId: c.userId,
    name: c.name,
    isDefault: c.isDefault,
    passThreshold: c.passThreshold.toNumber(),
    criteria: (c.criteria as Record<string, number> | null) ?? null,
    mustHaveSkills: c.mustHaveSkills,
    niceToHaveSkills: c.niceToHaveSkills,
    minExperienceYears: c.minExperienceYears,
    autoShortlist: c.autoShortlist,
    autoOutreach: c.autoOutreach,
    model: c.model,
    promptInstructions: c.promptInstructions,
    isActive: c.isActive,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

function data(input: AiScreeningInput): Prisma.AiScreeningConfigUncheckedUpdateInput {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input)) if (v !== undefined) out[k] = k === 'criteria' && v === null ? Prisma.DbNull : v;
  return out as Prisma.AiScreeningConfigUncheckedUpdateInput;
}

/** Serialise changes to one user's defaults (the isDefault flip must not leave two). */
async function lockUser(tx: Tx, userId: string) {
  await tx.$queryRaw`SELECT 1 FROM "public"."users" WHERE "id" = ${userId}::uuid FOR UPDATE`;
}

export async function createAiScreeningConfig(deps: Pick<ServiceDeps, 'db'>, actor: AuthContext, input: AiScreeningInput) {
  const row = await deps.db.$transaction(async (tx) => {
    await lockUser(tx, actor.userId);
    if (input.isDefault) await tx.aiScreeningConfig.updateMany({ where: { userId: actor.userId, isDefault: true }, data: { isDefault: false } });
    return tx.aiScreeningConfig.create({ data: { ...(data(input) as Prisma.AiScreeningConfigUncheckedCreateInput), userId: actor.userId } });
  });
  return toAiScreeningView(row);
}

export async function listAiScreeningConfigs(deps: Pick<ServiceDeps, 'db'>, actor: AuthContext, page: { where: Prisma.AiScreeningConfigWhereInput; orderBy: Prisma.AiScreeningConfigOrderByWithRelationInput[]; take: number }) {
  return deps.db.aiScreeningConfig.findMany({ where: { AND: [page.where, ownerWhere(actor)] }, orderBy: page.orderBy, take: page.take });
}

async function reach(deps: Pick<ServiceDeps, 'db'>, actor: AuthContext, id: string) {
  const row = await deps.db.aiScreeningConfig.findFirst({ where: { id, ...ownerWhere(actor) } });
  if (!row) throw new DomainError('NOT_FOUND', `AI screening config ${id} does not exist`);
  return row;
}

export async function getAiScreeningConfig(deps: Pick<ServiceDeps, 'db'>, actor: AuthContext, id: string) {
  return toAiScreeningView(await reach(deps, actor, id));
}

export async function updateAiScreeningConfig(deps: Pick<ServiceDeps, 'db'>, actor: AuthContext, id: string, changes: AiScreeningInput) {
  const current = await reach(deps, actor, id);
  const row = await deps.db.$transaction(async (tx) => {
    await lockUser(tx, current.userId);
    if (changes.isDefault) await tx.aiScreeningConfig.updateMany({ where: { userId: current.userId, isDefault: true, id: { not: id } }, data: { isDefault: false } });
    return tx.aiScreeningConfig.update({ where: { id }, data: data(changes) });
  });
  return toAiScreeningView(row);
}

export async function deleteAiScreeningConfig(deps: Pick<ServiceDeps, 'db'>, actor: AuthContext, id: string) {
  const { count } = await deps.db.aiScreeningConfig.deleteMany({ where: { id, ...ownerWhere(actor) } });
  if (count === 0) throw new DomainError('NOT_FOUND', `AI screening config ${id} does not exist`);
}

/** The fields a new job's screening config copies from its owner's active default, if any. */
export async function screeningDefaultsFor(tx: Tx, userId: string): Promise<Omit<Prisma.JobScreeningConfigUncheckedCreateInput, 'jobPostId'>> {
  const d = await tx.aiScreeningConfig.findFirst({ where: { userId, isDefault: true, isActive: true }, orderBy: { updatedAt: 'desc' } });
  if (!d) return {};
  return {
    passThreshold: d.passThreshold,
    ...(d.criteria === null ? {} : { criteria: d.criteria as Prisma.InputJsonValue }),
    mustHaveSkills: d.mustHaveSkills,
    niceToHaveSkills: d.niceToHaveSkills,
    minExperienceYears: d.minExperienceYears,
  };
}
