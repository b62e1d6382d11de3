// IIMT application forms (public.iimt_applications): the public form and the staff list. The
// form is anonymous, so it is rate limited per client IP and per email. One application per
// email (stored lower-cased): a repeat updates that row (200) instead of adding one (201);
// submissions of one email are serialised by a transaction-scoped advisory lock, as the table
// has no unique key.
import { DomainError } from '../../domain/errors.js';
import { Prisma, type IimtApplicationStatus } from '../../prisma/generated/client.js';
import type { ServiceDeps } from '../deps.js';
import { enforceFormRate } from '../public-forms/rate-limit.js';

/** Forms per hour, per client IP and per email. */
export const IIMT_RATE_LIMIT = { perIp: 20, perEmail: 5, windowSeconds: 3600 };

export interface IimtInput {
  fullName: string;
  /** Already trimmed and lower-cased. */
  email: string;
  /** Already E.164. */
  phone: string;
  dateOfBirth?: Date | undefined;
  gender?: string | undefined;
  city?: string | undefined;
  state?: string | undefined;
  highestQualification?: string | undefined;
  graduationYear?: number | undefined;
  workExperienceYears?: number | undefined;
  currentOrganization?: string | undefined;
  programOfInterest?: string | undefined;
  formData?: Record<string, unknown> | undefined;
  attribution?: { utmSource?: string | undefined; utmMedium?: string | undefined; utmCampaign?: string | undefined; referrer?: string | undefined } | undefined;
}

export const iimtSelect = {
  id: true,
  fullName: true,
  email: true,
  phone: true,
  dateOfBirth: true,
  gender: true,
  city: true,
  state: true,
  highestQualification: true,
  graduationYear: true,
  workExperienceYears: true,
  currentOrganization: true,
  programOfInterest: true,
  formData: true,
  attribution: true,
  status: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.IimtApplicationSelect;
type IimtRow = Prisma.IimtApplicationGetPayload<{ select: typeof iimtSelect }>;

export const toIimtView = (r: IimtRow) => ({
  ...r,
  dateOfBirth: r.dateOfBirth?.toISOString().slice(0, 10) ?? null,
  workExperienceYears: r.workExperienceYears === null ? null : Number(r.workExperienceYears),
  formData: (r.formData ?? null) as Record<string, unknown> | null,
  attribution: (r.attribution ?? null) as Record<string, string> | null,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

export async function submitIimtApplication(deps: Pick<ServiceDeps, 'db'>, ctx: { ip: string }, input: IimtInput) {
  await enforceFormRate(deps, 'iimt', ctx.ip, input.email, IIMT_RATE_LIMIT);
  const { formData, attribution, workExperienceYears, ...fields } = input;
  const data = {
    ...fields,
    ...(workExperienceYears !== undefined ? { workExperienceYears: new Prisma.Decimal(workExperienceYears) } : {}),
    ...(formData ? { formData: formData as Prisma.InputJsonValue } : {}),
    ...(attribution ? { attribution: attribution as Prisma.InputJsonValue } : {}),
  };
  return deps.db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`iimt:${input.email}`}, 0))`;
    const existing = await tx.iimtApplication.findFirst({ where: { email: input.email }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: { id: true } });
    // A repeat keeps what it does not restate (undefined fields are left alone).
    const row = existing ? await tx.iimtApplication.update({ where: { id: existing.id }, data, select: { id: true } }) : await tx.iimtApplication.create({ data, select: { id: true } });
    return { id: row.id, created: !existing };
  });
}

export function listIimtApplications(
  deps: Pick<ServiceDeps, 'db'>,
  f: { status?: IimtApplicationStatus | undefined; email?: string | undefined; programOfInterest?: string | undefined },
  page: { where: Prisma.IimtApplicationWhereInput; orderBy: Prisma.IimtApplicationOrderByWithRelationInput[]; take: number },
) {
  return deps.db.iimtApplication.findMany({
    where: { AND: [page.where, f.status ? { status: f.status } : {}, f.email ? { email: f.email } : {}, f.programOfInterest ? { programOfInterest: f.programOfInterest } : {}] },
    orderBy: page.orderBy,
    take: page.take,
    select: iimtSelect,
  });
}

export async function setIimtStatus(deps: Pick<ServiceDeps, 'db'>, id: string, status: IimtApplicationStatus) {
  const { count } = await deps.db.iimtApplication.updateMany({ where: { id }, data: { status } });
  if (!count) throw new DomainError('NOT_FOUND', 'No such application');
  return toIimtView(await deps.db.iimtApplication.findUniqueOrThrow({ where: { id }, select: iimtSelect }));
}
