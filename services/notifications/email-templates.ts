// Email templates (email_templates): staff CRUD, validated on save (placeholders must be exactly
// the declared variables: 400 with field errors), preview with sample data (a missing variable is
// 422), and rendering by key for the senders. Every change bumps `version` by a conditional
// UPDATE on the version read, so two concurrent edits cannot both win; each send records the
// version it rendered (emails_sent.templateVersion). The templates the code sends by are seeded
// at first use (INSERT … ON CONFLICT DO NOTHING) and cannot be deleted or deactivated.
import { DEFAULT_TEMPLATES, isDefaultTemplateKey } from '../../domain/comms/default-templates.js';
import { missingVariables, renderEmailTemplate, validateTemplate, type RenderedEmail } from '../../domain/comms/email-template.js';
import { DomainError } from '../../domain/errors.js';
import type { Db } from '../../infra/prisma.js';
import type { Prisma } from '../../prisma/generated/client.js';
import type { ServiceDeps } from '../deps.js';
import { isUniqueViolation } from '../../infra/prisma-errors.js';

type Deps = Pick<ServiceDeps, 'db'>;

export const emailTemplateSelect = {
  id: true,
  key: true,
  name: true,
  description: true,
  category: true,
  subject: true,
  htmlBody: true,
  textBody: true,
  variables: true,
  isActive: true,
  version: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.EmailTemplateSelect;
type TemplateRow = Prisma.EmailTemplateGetPayload<{ select: typeof emailTemplateSelect }>;

export const toEmailTemplateView = (r: TemplateRow) => ({ ...r, system: isDefaultTemplateKey(r.key), createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString() });

export interface TemplateBody {
  key: string;
  name: string;
  description?: string | null | undefined;
  category?: string | null | undefined;
  subject: string;
  htmlBody: string;
  textBody?: string | null | undefined;
  variables: string[];
  isActive?: boolean | undefined;
}
export type TemplatePatch = Partial<Omit<TemplateBody, 'key'>> & { expectedVersion?: number | undefined };

function assertValid(t: { subject: string; htmlBody: string; textBody?: string | null | undefined; variables: string[] }) {
  const errors = validateTemplate({ subject: t.subject, htmlBody: t.htmlBody, textBody: t.textBody ?? null, variables: t.variables });
  if (errors.length) throw new DomainError('VALIDATION_FAILED', 'The template’s placeholders and its declared variables do not match', errors);
}

/** Seeds the templates the code sends by; rows already there (edited by staff) are left alone. */
export async function ensureDefaultTemplates(db: Db): Promise<void> {
  await db.emailTemplate.createMany({ data: DEFAULT_TEMPLATES.map((t) => ({ ...t, variables: [...t.variables] })), skipDuplicates: true });
}

export async function listEmailTemplates(
  deps: Deps,
  filters: { category?: string | undefined; isActive?: boolean | undefined },
  page: { where: Prisma.EmailTemplateWhereInput; orderBy: Prisma.EmailTemplateOrderByWithRelationInput[]; take: number },
) {
  await ensureDefaultTemplates(deps.db);
  const where: Prisma.EmailTemplateWhereInput[] = [page.where];
  if (filters.category) where.push({ category: filters.category });
  if (filters.isActive !== undefined) where.push({ isActive: filters.isActive });
  return deps.db.emailTemplate.findMany({ where: { AND: where }, orderBy: page.orderBy, take: page.take, select: emailTemplateSelect });
}

async function templateRow(deps: Deps, id: string): Promise<TemplateRow> {
  const row = await deps.db.emailTemplate.findUnique({ where: { id }, select: emailTemplateSelect });
  if (!row) throw new DomainError('NOT_FOUND', 'No such email template');
  return row;
}

export async function getEmailTemplate(deps: Deps, id: string) {
  return toEmailTemplateView(await templateRow(deps, id));
}

export async function createEmailTemplate(deps: Deps, body: TemplateBody) {
  assertValid(body);
  try {
    const row = await deps.db.emailTemplate.create({
      data: { key: body.key, name: body.name, description: body.description ?? null, category: body.category ?? null, subject: body.subject, htmlBody: body.htmlBody, textBody: body.textBody ?? null, variables: body.variables, isActive: body.isActive ?? true },
      select: emailTemplateSelect,
    });
    return toEmailTemplateView(row);
  } catch (err) {
    if (isUniqueViolation(err)) throw new DomainError('CONFLICT', `A template with key "${body.key}" exists`, [{ path: 'json.key', message: 'Already taken' }]);
    throw err;
  }
}

/** Applies a change to the template as read; the version moves by one, and a concurrent edit (or a stale expectedVersion) is 409. */
/** An edit without expectedVersion applies on whatever version it finds; a lost race retries it. */
const BLIND_EDIT_ATTEMPTS = 5;

export async function updateEmailTemplate(deps: Deps, id: string, patch: TemplatePatch) {
  for (let attempt = 1; ; attempt++) {
    const updated = await updateOnce(deps, id, patch);
    if (updated) return updated;
    if (patch.expectedVersion !== undefined || attempt >= BLIND_EDIT_ATTEMPTS) {
      throw new DomainError('CONFLICT', 'The template was changed meanwhile; reload it and try again');
    }
  }
}

/** One conditional edit; null when another edit moved the version between the read and the write. */
async function updateOnce(deps: Deps, id: string, patch: TemplatePatch) {
  const row = await templateRow(deps, id);
  if (patch.expectedVersion !== undefined && patch.expectedVersion !== row.version) {
    throw new DomainError('CONFLICT', `The template is at version ${row.version}, not ${patch.expectedVersion}; reload it and try again`);
  }
  if (patch.isActive === false && isDefaultTemplateKey(row.key)) throw new DomainError('CONFLICT', `"${row.key}" is sent by the system; edit it instead of deactivating it`);
  const next = { subject: patch.subject ?? row.subject, htmlBody: patch.htmlBody ?? row.htmlBody, textBody: patch.textBody === undefined ? row.textBody : patch.textBody, variables: patch.variables ?? row.variables };
  assertValid(next);
  // One conditional UPDATE … RETURNING: the answer is the row this edit wrote (a read after it
  // could already show a concurrent edit's version), and a lost race matches no row.
  const [updated] = await deps.db.emailTemplate.updateManyAndReturn({
    where: { id, version: row.version },
    data: {
      ...next,
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.description !== undefined ? { description: patch.description } : {}),
      ...(patch.category !== undefined ? { category: patch.category } : {}),
      ...(patch.isActive !== undefined ? { isActive: patch.isActive } : {}),
      version: { increment: 1 },
    },
    select: emailTemplateSelect,
  });
  return updated ? toEmailTemplateView(updated) : null;
}

export async function deleteEmailTemplate(deps: Deps, id: string): Promise<void> {
  const row = await templateRow(deps, id);
  if (isDefaultTemplateKey(row.key)) throw new DomainError('CONFLICT', `"${row.key}" is sent by the system and cannot be deleted`);
  await deps.db.emailTemplate.deleteMany({ where: { id } });
}

function renderOrRefuse(t: Pick<TemplateRow, 'subject' | 'htmlBody' | 'textBody' | 'variables'>, data: Record<string, string>): RenderedEmail {
  const missing = missingVariables(t, data);
  if (missing.length) throw new DomainError('UNPROCESSABLE', `The data lacks ${missing.length} of the template’s variables`, missing.map((v) => ({ path: `json.data.${v}`, message: 'Required by the template' })));
  return renderEmailTemplate(t, data);
}

/** The stored template rendered with sample data, as a send would render it. */
export async function previewEmailTemplate(deps: Deps, id: string, data: Record<string, string>) {
  const row = await templateRow(deps, id);
  return { ...renderOrRefuse(row, data), templateKey: row.key, templateVersion: row.version };
}

export interface TemplatedEmail extends RenderedEmail {
  templateKey: string;
  templateVersion: number;
}

/**
 * The email a sender sends: template `key` (seeded at first use) rendered with `data`. A missing
 * variable, or a template deactivated by staff, is a DomainError (UNPROCESSABLE): a bug or an
 * edit to fix, which no retry cures.
 */
export async function renderTemplatedEmail(db: Db, key: string, data: Record<string, string>): Promise<TemplatedEmail> {
  let row = await db.emailTemplate.findUnique({ where: { key }, select: emailTemplateSelect });
  if (!row) {
    await ensureDefaultTemplates(db);
    row = await db.emailTemplate.findUnique({ where: { key }, select: emailTemplateSelect });
  }
  if (!row) throw new DomainError('UNPROCESSABLE', `No email template "${key}"`);
  if (!row.isActive) throw new DomainError('UNPROCESSABLE', `The email template "${key}" is inactive`);
  return { ...renderOrRefuse(row, data), templateKey: row.key, templateVersion: row.version };
}
