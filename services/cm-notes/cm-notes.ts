// Community managers' notes about students (mas_crm.cm_notes): internal, never shown to the
// student. A community manager (SALES) writes and reads notes about students who applied to a
// batch they actively manage; ADMIN and SUPERADMIN about anyone. A note is filed under a batch
// (the manager's own; by default the student's most recent one they manage). Its author edits
// or deletes it, as do ADMIN and SUPERADMIN. Anyone else gets 404: the student is not theirs.
import { isStaff } from '../../domain/auth/roles.js';
import { DomainError } from '../../domain/errors.js';
import type { Prisma } from '../../prisma/generated/client.js';
import type { AuthContext, ServiceDeps } from '../deps.js';

type Deps = Pick<ServiceDeps, 'db'>;
export const CM_NOTE_CATEGORIES = ['general', 'academic', 'attendance', 'engagement', 'payment', 'escalation'] as const;
export type CmNoteCategory = (typeof CM_NOTE_CATEGORIES)[number];

const isAdmin = (a: AuthContext) => isStaff(a.role);

export const cmNoteSelect = { id: true, studentId: true, authorId: true, batchId: true, category: true, content: true, isPinned: true, createdAt: true, updatedAt: true } as const satisfies Prisma.CmNoteSelect;
type NoteRow = Prisma.CmNoteGetPayload<{ select: typeof cmNoteSelect }>;
export const toCmNoteView = (r: NoteRow) => ({ ...r, category: r.category as CmNoteCategory, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString() });

/** The batches the actor actively manages as a community manager. */
async function managedBatchIds(deps: Deps, actor: AuthContext): Promise<string[]> {
  const rows = await deps.db.communityManagerAssignment.findMany({ where: { communityManagerId: actor.userId, isActive: true }, select: { batchId: true } });
  return rows.map((r) => r.batchId);
}

/** The student's batches the actor may note under, newest application first; admins: all of the student's. 404 when none. */
async function studentBatchesFor(deps: Deps, actor: AuthContext, studentId: string): Promise<string[]> {
  const student = await deps.db.user.findUnique({ where: { id: studentId }, select: { role: true } });
  if (!student || student.role !== 'USER') throw new DomainError('NOT_FOUND', 'No such student');
  const managed = isAdmin(actor) ? null : await managedBatchIds(deps, actor);
  const apps = await deps.db.application.findMany({
    where: { userId: studentId, batchId: managed ? { in: managed } : { not: null } },
    orderBy: { createdAt: 'desc' },
    select: { batchId: true },
  });
  const batches = [...new Set(apps.map((a) => a.batchId!))];
  if (!isAdmin(actor) && !batches.length) throw new DomainError('NOT_FOUND', 'No such student in a batch you manage');
  return batches;
}

export async function addCmNote(deps: Deps, actor: AuthContext, studentId: string, body: { content: string; category?: CmNoteCategory | undefined; isPinned?: boolean | undefined; batchId?: string | undefined }) {
  const batches = await studentBatchesFor(deps, actor, studentId);
  if (body.batchId && !batches.includes(body.batchId)) {
    throw new DomainError('UNPROCESSABLE', 'The student has no application in that batch (or you do not manage it)', [{ path: 'json.batchId', message: 'Not one of the student’s batches you manage' }]);
  }
  const row = await deps.db.cmNote.create({
    data: { studentId, authorId: actor.userId, batchId: body.batchId ?? batches[0] ?? null, category: body.category ?? 'general', content: body.content, isPinned: body.isPinned ?? false },
    select: cmNoteSelect,
  });
  return toCmNoteView(row);
}

/** Notes about one student, newest first (every batch's: context follows the student); `pinned` filters. */
export async function studentCmNotes(
  deps: Deps,
  actor: AuthContext,
  studentId: string,
  filters: { category?: CmNoteCategory | undefined; pinned?: boolean | undefined },
  page: { where: Prisma.CmNoteWhereInput; orderBy: Prisma.CmNoteOrderByWithRelationInput[]; take: number },
) {
  await studentBatchesFor(deps, actor, studentId);
  const where: Prisma.CmNoteWhereInput[] = [page.where, { studentId }];
  if (filters.category) where.push({ category: filters.category });
  if (filters.pinned !== undefined) where.push({ isPinned: filters.pinned });
  return deps.db.cmNote.findMany({ where: { AND: where }, orderBy: page.orderBy, take: page.take, select: cmNoteSelect });
}

/** Notes by batch, author or category; a community manager sees only the batches they manage. */
export async function listCmNotes(
  deps: Deps,
  actor: AuthContext,
  filters: { batchId?: string | undefined; authorId?: string | undefined; category?: CmNoteCategory | undefined; pinned?: boolean | undefined },
  page: { where: Prisma.CmNoteWhereInput; orderBy: Prisma.CmNoteOrderByWithRelationInput[]; take: number },
) {
  const where: Prisma.CmNoteWhereInput[] = [page.where];
  if (!isAdmin(actor)) where.push({ batchId: { in: await managedBatchIds(deps, actor) } });
  if (filters.batchId) where.push({ batchId: filters.batchId });
  if (filters.authorId) where.push({ authorId: filters.authorId });
  if (filters.category) where.push({ category: filters.category });
  if (filters.pinned !== undefined) where.push({ isPinned: filters.pinned });
  return deps.db.cmNote.findMany({ where: { AND: where }, orderBy: page.orderBy, take: page.take, select: cmNoteSelect });
}

/** The note, when the actor may change it: its author, or ADMIN/SUPERADMIN. A manager of the batch who did not write it: 403; anyone else 404. */
async function changeableNote(deps: Deps, actor: AuthContext, id: string): Promise<NoteRow> {
  const row = await deps.db.cmNote.findUnique({ where: { id }, select: cmNoteSelect });
  if (!row) throw new DomainError('NOT_FOUND', 'No such note');
  if (isAdmin(actor) || row.authorId === actor.userId) return row;
  const managed = await managedBatchIds(deps, actor);
  if (row.batchId && managed.includes(row.batchId)) throw new DomainError('FORBIDDEN', 'Only its author or an admin changes a note');
  throw new DomainError('NOT_FOUND', 'No such note');
}

export async function updateCmNote(deps: Deps, actor: AuthContext, id: string, patch: { content?: string | undefined; category?: CmNoteCategory | undefined; isPinned?: boolean | undefined }) {
  await changeableNote(deps, actor, id);
  const row = await deps.db.cmNote.update({
    where: { id },
    data: { ...(patch.content !== undefined ? { content: patch.content } : {}), ...(patch.category ? { category: patch.category } : {}), ...(patch.isPinned !== undefined ? { isPinned: patch.isPinned } : {}) },
    select: cmNoteSelect,
  });
  return toCmNoteView(row);
}

export async function deleteCmNote(deps: Deps, actor: AuthContext, id: string): Promise<void> {
  await changeableNote(deps, actor, id);
  await deps.db.cmNote.deleteMany({ where: { id } });
}
