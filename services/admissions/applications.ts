// The applicant's side of a program application: apply to a batch (DRAFT), edit the draft,
// submit it, read one's own. Invariant: a user has at most one open (not REJECTED/DEBOARDED)
// application per batch; the check and the insert run under a lock on the user's row.
import { rupeesToPaise } from '../../domain/application/fee.js';
import { applicationLifecycle } from '../../domain/application/status.js';
import { DomainError } from '../../domain/errors.js';
import type { Prisma } from '../../prisma/generated/client.js';
import type { ServiceDeps } from '../deps.js';
import type { Tx } from '../lms/progress.js';
import { applicationSelect, CLOSED_STATUSES, lockApplication, toApplicationView, type ApplicationRow } from './application-view.js';

type Deps = Pick<ServiceDeps, 'db'>;
type Json = Record<string, unknown>;

export interface Applicant {
  userId: string;
  /** The request's platform (x-platform), stored as the application's tenant. */
  platform: string;
}

export interface ApplyInput {
  batchId: string;
  phone?: string | undefined;
  formData?: Json | undefined;
  attribution?: Json | undefined;
}

export interface DraftChanges {
  phone?: string | null | undefined;
  formData?: Json | undefined;
  attribution?: Json | undefined;
}

/** A batch takes applications while UPCOMING or ACTIVE and before its deadline. */
async function batchTakingApplications(tx: Tx, batchId: string, now: Date) {
  const batch = await tx.batch.findUnique({ where: { id: batchId }, select: { status: true, applicationDeadline: true, enrollmentFee: true } });
  if (!batch) throw new DomainError('UNPROCESSABLE', 'No such batch', [{ path: 'json.batchId', message: 'No such batch' }]);
  if (batch.status !== 'UPCOMING' && batch.status !== 'ACTIVE') throw new DomainError('UNPROCESSABLE', `The batch is ${batch.status} and takes no applications`);
  if (batch.applicationDeadline && batch.applicationDeadline <= now) throw new DomainError('UNPROCESSABLE', `Applications to this batch closed at ${batch.applicationDeadline.toISOString()}`);
  return batch;
}

const asJson = (v: Json | undefined) => v as Prisma.InputJsonValue | undefined;

export async function applyToBatch({ db }: Deps, who: Applicant, input: ApplyInput) {
  const now = new Date();
  const created = await db.$transaction(async (tx) => {
    // Serialises this user's applications, so two concurrent applies cannot both pass the check.
    const [user] = await tx.$queryRaw<{ name: string; email: string; phone: string | null }[]>`
      SELECT "name", "email", "phone" FROM "public"."users" WHERE "id" = ${who.userId}::uuid FOR NO KEY UPDATE`;
    if (!user) throw new DomainError('NOT_FOUND', 'No such user');
    const batch = await batchTakingApplications(tx, input.batchId, now);
    const open = await tx.application.findFirst({ where: { userId: who.userId, batchId: input.batchId, status: { notIn: [...CLOSED_STATUSES] } }, select: { id: true, status: true } });
    if (open) throw new DomainError('CONFLICT', `You already have an open application to this batch (${open.id}, ${open.status})`);
    return tx.application.create({
      data: {
        userId: who.userId,
        batchId: input.batchId,
        status: applicationLifecycle.initial,
        name: user.name,
        email: user.email,
        phone: input.phone ?? user.phone,
        formData: asJson(input.formData),
        attribution: asJson(input.attribution),
        platform: who.platform,
        feePaise: rupeesToPaise(batch.enrollmentFee),
      },
      select: applicationSelect,
    });
  });
  return toApplicationView(created);
}

async function ownApplication(db: Deps['db'], userId: string, id: string): Promise<ApplicationRow> {
  const row = await db.application.findFirst({ where: { id, userId }, select: applicationSelect });
  // Someone else's application is as absent as a missing one.
  if (!row) throw new DomainError('NOT_FOUND', 'No such application');
  return row;
}

export async function getOwnApplication({ db }: Deps, userId: string, id: string) {
  return toApplicationView(await ownApplication(db, userId, id));
}

/** One page (the caller's keyset `where`/`orderBy`, limit + 1 rows) of the user's applications. */
export function listOwnApplications({ db }: Deps, userId: string, page: { where: Prisma.ApplicationWhereInput; orderBy: Prisma.ApplicationOrderByWithRelationInput[]; take: number }) {
  return db.application.findMany({ where: { AND: [page.where, { userId }] }, orderBy: page.orderBy, take: page.take, select: applicationSelect });
}

export async function updateDraft({ db }: Deps, userId: string, id: string, changes: DraftChanges) {
  const updated = await db.$transaction(async (tx) => {
    const app = await lockApplication(tx, id);
    if (!app || app.userId !== userId) throw new DomainError('NOT_FOUND', 'No such application');
    if (app.status !== 'DRAFT') throw new DomainError('CONFLICT', `Only a DRAFT application can be edited; this one is ${app.status}`);
    return tx.application.update({
      where: { id },
      data: { phone: changes.phone, formData: asJson(changes.formData), attribution: asJson(changes.attribution) },
      select: applicationSelect,
    });
  });
  return toApplicationView(updated);
}

/** DRAFT → SUBMITTED, while the batch still takes applications. */
export async function submitApplication({ db }: Deps, userId: string, id: string) {
  const now = new Date();
  const submitted = await db.$transaction(async (tx) => {
    const app = await lockApplication(tx, id);
    if (!app || app.userId !== userId) throw new DomainError('NOT_FOUND', 'No such application');
    applicationLifecycle.assertTransition(app.status, 'SUBMITTED');
    if (!app.batchId) throw new DomainError('UNPROCESSABLE', 'The batch of this application no longer exists');
    await batchTakingApplications(tx, app.batchId, now);
    return tx.application.update({ where: { id }, data: { status: 'SUBMITTED', submittedAt: now }, select: applicationSelect });
  });
  return toApplicationView(submitted);
}
