// Staff CRUD of PAP agreement templates. A template some agreement was generated from is never
// edited or deleted: a change is a new version (POST with the same name takes the next version).
// The declared variables must be exactly the body's placeholders, all of them ones the renderer fills.
import { DomainError, type FieldError } from '../../domain/errors.js';
import { PAP_TEMPLATE_VARIABLES, placeholdersOf, variablesMismatch } from '../../domain/pap/mou.js';
import type { Db } from '../../infra/prisma.js';
import { Prisma } from '../../prisma/generated/client.js';
import type { ServiceDeps } from '../deps.js';
import { isUniqueViolation } from '../../infra/prisma-errors.js';

type Deps = Pick<ServiceDeps, 'db'>;

export interface TemplateInput {
  name: string;
  description?: string | null | undefined;
  bodyHtml: string;
  variables: string[];
  papFeePaise?: number | null | undefined;
  papFeePercent?: number | null | undefined;
  leegalityProfileId?: string | null | undefined;
  isActive?: boolean | undefined;
}

export type TemplatePatch = Partial<TemplateInput>;

function checkBody(bodyHtml: string, variables: readonly string[]) {
  const errors: FieldError[] = [];
  const unknown = placeholdersOf(bodyHtml).filter((v) => !(PAP_TEMPLATE_VARIABLES as readonly string[]).includes(v));
  if (unknown.length) errors.push({ path: 'json.bodyHtml', message: `Unknown placeholders: ${unknown.join(', ')} (allowed: ${PAP_TEMPLATE_VARIABLES.join(', ')})` });
  const { undeclared, unused } = variablesMismatch(bodyHtml, variables);
  if (undeclared.length) errors.push({ path: 'json.variables', message: `The body uses undeclared placeholders: ${undeclared.join(', ')}` });
  if (unused.length) errors.push({ path: 'json.variables', message: `Declared but not in the body: ${unused.join(', ')}` });
  if (errors.length) throw new DomainError('UNPROCESSABLE', 'The template’s variables do not match its placeholders', errors);
}

const decimal = (n: number | null | undefined) => (n === undefined ? undefined : n === null ? null : new Prisma.Decimal(n));

export function toTemplateView(t: Awaited<ReturnType<Db['mas101PapAgreementTemplate']['findUniqueOrThrow']>>) {
  return {
    id: t.id,
    name: t.name,
    version: t.version,
    description: t.description,
    bodyHtml: t.bodyHtml,
    variables: t.variables,
    papFeePaise: t.papFeePaise,
    papFeePercent: t.papFeePercent === null ? null : Number(t.papFeePercent),
    leegalityProfileId: t.leegalityProfileId,
    isActive: t.isActive,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  };
}

/** A new template, or the next version of an existing name. */
export async function createTemplate({ db }: Deps, input: TemplateInput) {
  checkBody(input.bodyHtml, input.variables);
  for (let attempt = 0; ; attempt++) {
    const last = await db.mas101PapAgreementTemplate.findFirst({ where: { name: input.name }, orderBy: { version: 'desc' }, select: { version: true } });
    try {
      const row = await db.mas101PapAgreementTemplate.create({
        data: {
          name: input.name,
          version: (last?.version ?? 0) + 1,
          description: input.description ?? null,
          bodyHtml: input.bodyHtml,
          variables: input.variables,
          papFeePaise: input.papFeePaise ?? null,
          papFeePercent: decimal(input.papFeePercent) ?? null,
          leegalityProfileId: input.leegalityProfileId ?? null,
          isActive: input.isActive ?? true,
        },
      });
      return toTemplateView(row);
    } catch (err) {
      // Two creators of the same name raced for a version number: take the next one.
      if (!(isUniqueViolation(err)) || attempt >= 3) throw err;
    }
  }
}

async function found(db: Db, id: string) {
  const t = await db.mas101PapAgreementTemplate.findUnique({ where: { id } });
  if (!t) throw new DomainError('NOT_FOUND', 'No such PAP agreement template');
  return t;
}

export async function getTemplate({ db }: Deps, id: string) {
  return toTemplateView(await found(db, id));
}

export function listTemplates(
  { db }: Deps,
  filters: { name?: string | undefined; isActive?: boolean | undefined },
  page: { where: Prisma.Mas101PapAgreementTemplateWhereInput; orderBy: Prisma.Mas101PapAgreementTemplateOrderByWithRelationInput[]; take: number },
) {
  const where: Prisma.Mas101PapAgreementTemplateWhereInput[] = [page.where];
  if (filters.name) where.push({ name: filters.name });
  if (filters.isActive !== undefined) where.push({ isActive: filters.isActive });
  return db.mas101PapAgreementTemplate.findMany({ where: { AND: where }, orderBy: page.orderBy, take: page.take });
}

const inUse = (db: Db, id: string) => db.mas101PapWorkflow.count({ where: { agreementTemplateId: id } });

/** Edits an unused template; one in use only toggles isActive (anything else: 409, make a new version). */
export async function updateTemplate({ db }: Deps, id: string, patch: TemplatePatch) {
  const t = await found(db, id);
  const content = Object.keys(patch).filter((k) => k !== 'isActive' && patch[k as keyof TemplatePatch] !== undefined);
  if (content.length && (await inUse(db, id)) > 0) throw new DomainError('CONFLICT', 'Agreements were generated from this template version; create a new version (POST with the same name) instead');
  if (patch.bodyHtml !== undefined || patch.variables !== undefined) checkBody(patch.bodyHtml ?? t.bodyHtml ?? '', patch.variables ?? t.variables);
  const row = await db.mas101PapAgreementTemplate.update({
    where: { id },
    data: {
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.description !== undefined ? { description: patch.description } : {}),
      ...(patch.bodyHtml !== undefined ? { bodyHtml: patch.bodyHtml } : {}),
      ...(patch.variables !== undefined ? { variables: patch.variables } : {}),
      ...(patch.papFeePaise !== undefined ? { papFeePaise: patch.papFeePaise } : {}),
      ...(patch.papFeePercent !== undefined ? { papFeePercent: decimal(patch.papFeePercent) } : {}),
      ...(patch.leegalityProfileId !== undefined ? { leegalityProfileId: patch.leegalityProfileId } : {}),
      ...(patch.isActive !== undefined ? { isActive: patch.isActive } : {}),
    },
  });
  return toTemplateView(row);
}

export async function deleteTemplate({ db }: Deps, id: string) {
  await found(db, id);
  if ((await inUse(db, id)) > 0) throw new DomainError('CONFLICT', 'Agreements were generated from this template; deactivate it instead');
  await db.mas101PapAgreementTemplate.delete({ where: { id } });
}

/** The template new agreements use: the newest active one with a body. */
export function defaultTemplate(db: Db) {
  return db.mas101PapAgreementTemplate.findFirst({ where: { isActive: true, bodyHtml: { not: null } }, orderBy: [{ createdAt: 'desc' }, { version: 'desc' }] });
}
