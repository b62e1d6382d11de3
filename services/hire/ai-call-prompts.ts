// AI call prompts, versioned by name: creating one is version 1; an edit writes version + 1 (the
// old versions stay for the audit trail and are marked inactive). Only the latest version may be
// edited; of two concurrent edits one wins ((name, version) is unique) and the other gets 409.
import { DomainError } from '../../domain/errors.js';
import type { AiCallPrompt } from '../../prisma/generated/client.js';
import type { ServiceDeps } from '../deps.js';
import { isUniqueViolation } from '../../infra/prisma-errors.js';

export interface AiCallPromptInput {
  name: string;
  purpose: string;
  systemPrompt: string;
  firstMessage?: string | null | undefined;
  variables?: string[] | undefined;
  language?: string | undefined;
}

export function toAiCallPromptView(p: AiCallPrompt) {
  return {
    id: p.id,
    name: p.name,
    purpose: p.purpose,
    systemPrompt: p.systemPrompt,
    firstMessage: p.firstMessage,
    variables: p.variables,
    language: p.language,
    version: p.version,
    isActive: p.isActive,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

export async function createAiCallPrompt(deps: Pick<ServiceDeps, 'db'>, input: AiCallPromptInput) {
  try {
    return toAiCallPromptView(await deps.db.aiCallPrompt.create({ data: { ...input, version: 1 } }));
  } catch (err) {
    if (isUniqueViolation(err)) throw new DomainError('CONFLICT', `A prompt named ${input.name} exists already; edit it to make a new version`);
    throw err;
  }
}

/** The latest version of each prompt name, newest name first. */
export async function listLatestAiCallPrompts(deps: Pick<ServiceDeps, 'db'>, f: { purpose?: string | undefined; limit: number; after?: string | undefined }) {
  const rows = await deps.db.$queryRaw<{ id: string }[]>`
    SELECT DISTINCT ON ("name") "id" FROM "public"."ai_call_prompts"
    WHERE (${f.purpose ?? null}::text IS NULL OR "purpose" = ${f.purpose ?? null})
      AND (${f.after ?? null}::text IS NULL OR "name" > ${f.after ?? null})
    ORDER BY "name", "version" DESC
    LIMIT ${f.limit + 1}`;
  const found = await deps.db.aiCallPrompt.findMany({ where: { id: { in: rows.map((r) => r.id) } }, orderBy: { name: 'asc' } });
  const items = found.slice(0, f.limit);
  return { items: items.map(toAiCallPromptView), nextName: found.length > f.limit ? (items[items.length - 1]?.name ?? null) : null };
}

export async function getAiCallPrompt(deps: Pick<ServiceDeps, 'db'>, id: string) {
  const row = await deps.db.aiCallPrompt.findUnique({ where: { id } });
  if (!row) throw new DomainError('NOT_FOUND', `AI call prompt ${id} does not exist`);
  return toAiCallPromptView(row);
}

export async function listAiCallPromptVersions(deps: Pick<ServiceDeps, 'db'>, id: string) {
  const row = await deps.db.aiCallPrompt.findUnique({ where: { id }, select: { name: true } });
  if (!row) throw new DomainError('NOT_FOUND', `AI call prompt ${id} does not exist`);
  const versions = await deps.db.aiCallPrompt.findMany({ where: { name: row.name }, orderBy: { version: 'desc' }, take: 200 });
  return versions.map(toAiCallPromptView);
}

/** A new version of the prompt `id` (which must be its latest), with the changes applied. */
export async function reviseAiCallPrompt(deps: Pick<ServiceDeps, 'db'>, id: string, changes: Partial<Omit<AiCallPromptInput, 'name'>> & { isActive?: boolean | undefined }) {
  const current = await deps.db.aiCallPrompt.findUnique({ where: { id } });
  if (!current) throw new DomainError('NOT_FOUND', `AI call prompt ${id} does not exist`);
  const latest = await deps.db.aiCallPrompt.findFirst({ where: { name: current.name }, orderBy: { version: 'desc' }, select: { version: true } });
  if (latest && latest.version !== current.version) throw new DomainError('CONFLICT', `Version ${current.version} is not the latest (${latest.version}); edit the latest`);
  const next = {
    name: current.name,
    purpose: changes.purpose ?? current.purpose,
    systemPrompt: changes.systemPrompt ?? current.systemPrompt,
    firstMessage: changes.firstMessage !== undefined ? changes.firstMessage : current.firstMessage,
    variables: changes.variables ?? current.variables,
    language: changes.language ?? current.language,
    isActive: changes.isActive ?? true,
    version: current.version + 1,
  };
  try {
    const created = await deps.db.$transaction(async (tx) => {
      const row = await tx.aiCallPrompt.create({ data: next });
      await tx.aiCallPrompt.updateMany({ where: { name: current.name, version: { lt: next.version } }, data: { isActive: false } });
      return row;
    });
    return toAiCallPromptView(created);
  } catch (err) {
    if (isUniqueViolation(err)) throw new DomainError('CONFLICT', 'Someone else saved a new version meanwhile; read the latest and edit that');
    throw err;
  }
}
