// The simulator's in-memory Leegality: the documents it accepted (with the uploaded PDF), each
// invitation's signed/expired/rejected flags, the signed PDF (the upload plus a stamp page) and
// the audit-trail PDF rendered with pdf-lib when the document completes, and the webhook
// bodies signed with the private salt as Leegality sends them.
import { randomBytes } from 'node:crypto';
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { z } from 'zod';
import type { DocumentStatus, DownloadType, Invitee, LeegalityMessage, WebhookType } from './interface.js';
import { signLeegalityMac } from './webhooks.js';

/** A refusal in Leegality's envelope: HTTP `httpStatus`, body `{ status: 0, messages }`. */
export class SimError extends Error {
  constructor(
    readonly httpStatus: number,
    readonly messages: LeegalityMessage[],
  ) {
    super(messages[0]?.message ?? 'error');
  }
}

export const simError = (httpStatus: number, code: string, message: string) => new SimError(httpStatus, [{ code, message }]);

export interface SimInvitation extends Invitee {
  signUrl: string;
  signed: boolean;
  expired: boolean;
  rejected: boolean;
  signedAt: string | null;
}

export interface SimDocument {
  documentId: string;
  profileId: string;
  irn: string | null;
  fileName: string;
  status: DocumentStatus;
  invitations: SimInvitation[];
  createdAt: string;
  completedAt: string | null;
  /** The PDF as uploaded. */
  pdf: Uint8Array;
  /** Rendered when the document completes. */
  signedPdf: Uint8Array | null;
  auditTrailPdf: Uint8Array | null;
  /** What happened, for the audit trail. */
  history: { at: string; what: string }[];
}

const inviteeSchema = z.object({ name: z.string().trim().min(1).max(200), email: z.email().max(320), phone: z.string().regex(/^\+?\d{10,15}$/, 'ten digits (or E.164)').optional() });
export const signRequestBodySchema = z.object({
  profileId: z.string().min(1).max(200),
  file: z.object({ name: z.string().min(1).max(200), file: z.base64().min(4) }),
  invitees: z.array(inviteeSchema).min(1).max(10),
  irn: z.string().max(200).optional(),
});
export type SignRequestBody = z.infer<typeof signRequestBodySchema>;

export const newDocumentId = () => randomBytes(12).toString('base64url');

/** A new Sent document from a validated sign request; the PDF must load. */
export async function newDocument(body: SignRequestBody, origin: string, now = new Date()): Promise<SimDocument> {
  const pdf = new Uint8Array(Buffer.from(body.file.file, 'base64'));
  try {
    await PDFDocument.load(pdf, { updateMetadata: false });
  } catch {
    throw simError(200, 'INVALID_FILE', 'The file is not a valid PDF');
  }
  const documentId = newDocumentId();
  const at = now.toISOString();
  return {
    documentId,
    profileId: body.profileId,
    irn: body.irn ?? null,
    fileName: body.file.name,
    status: 'Sent',
    invitations: body.invitees.map((inv, i) => ({
      name: inv.name,
      email: inv.email,
      phone: inv.phone ?? '',
      signUrl: `${origin}/sign/${documentId}/${i}/${randomBytes(9).toString('base64url')}`,
      signed: false,
      expired: false,
      rejected: false,
      signedAt: null,
    })),
    createdAt: at,
    completedAt: null,
    pdf,
    signedPdf: null,
    auditTrailPdf: null,
    history: [{ at, what: `Document "${body.file.name}" created and sent to ${body.invitees.map((i) => i.email).join(', ')}` }],
  };
}

/** Every open invitation signs; the document completes and its signed PDF and audit trail are rendered. */
export async function completeDocument(doc: SimDocument, now = new Date()): Promise<void> {
  if (doc.status === 'Completed') throw simError(200, 'ALREADY_COMPLETED', 'The document is already completed');
  const open = doc.invitations.filter((i) => !i.signed);
  if (open.some((i) => i.expired || i.rejected)) throw simError(200, 'INVITATION_CLOSED', 'An invitation is expired or rejected and cannot be signed');
  const at = now.toISOString();
  for (const inv of open) {
    inv.signed = true;
    inv.signedAt = at;
    doc.history.push({ at, what: `Signed by ${inv.name} <${inv.email}> (Aadhaar eSign, simulated)` });
  }
  doc.status = 'Completed';
  doc.completedAt = at;
  doc.history.push({ at, what: 'Document completed' });
  doc.signedPdf = await renderSignedPdf(doc);
  doc.auditTrailPdf = await renderAuditTrail(doc);
}

export function closeInvitations(doc: SimDocument, how: 'expired' | 'rejected', now = new Date()): void {
  if (doc.status === 'Completed') throw simError(200, 'ALREADY_COMPLETED', 'The document is already completed');
  for (const inv of doc.invitations.filter((i) => !i.signed)) {
    inv[how] = true;
    doc.history.push({ at: now.toISOString(), what: `Invitation of ${inv.email} ${how}` });
  }
}

export function fileOf(doc: SimDocument, type: DownloadType): Uint8Array {
  const file = type === 'DOCUMENT' ? doc.signedPdf : doc.auditTrailPdf;
  if (doc.status !== 'Completed' || !file) throw simError(200, 'DOCUMENT_NOT_COMPLETED', 'The document can be downloaded only once it is completed');
  return file;
}

/** The details answer's data (shape of GET /v3.3/document/details as the client reads it). */
export function detailsOf(doc: SimDocument) {
  return {
    documentId: doc.documentId,
    irn: doc.irn,
    name: doc.fileName,
    status: doc.status,
    createdDate: doc.createdAt,
    completedDate: doc.completedAt,
    invitations: doc.invitations.map((i) => ({ name: i.name, email: i.email, phone: i.phone, signUrl: i.signed || i.expired || i.rejected ? null : i.signUrl, active: !(i.signed || i.expired || i.rejected), signed: i.signed, expired: i.expired, rejected: i.rejected, signedDate: i.signedAt })),
    files: doc.status === 'Completed' ? [{ name: doc.fileName, type: 'DOCUMENT' }, { name: 'Audit Trail.pdf', type: 'AUDIT_TRAIL' }] : [],
  };
}

/** The webhook body Leegality posts; a bad MAC is the right one's first character flipped. */
export function webhookBody(doc: SimDocument, privateSalt: string, opts: { type?: WebhookType; badMac?: boolean } = {}): string {
  let mac = signLeegalityMac(doc.documentId, privateSalt);
  if (opts.badMac) mac = `${mac[0] === '0' ? '1' : '0'}${mac.slice(1)}`;
  return JSON.stringify({ webhookType: opts.type ?? 'Success', documentId: doc.documentId, documentStatus: doc.status, irn: doc.irn, mac });
}

/** pdf-lib's standard fonts speak WinAnsi only: anything else becomes '?'. */
const printable = (s: string) => s.replace(/[^\x20-\x7e]/g, '?');

function writer(page: PDFPage, font: PDFFont, bold: PDFFont) {
  let y = page.getHeight() - 60;
  return (line: string, opts: { size?: number; strong?: boolean } = {}) => {
    const size = opts.size ?? 11;
    page.drawText(printable(line).slice(0, 110), { x: 50, y, size, font: opts.strong ? bold : font, color: rgb(0.1, 0.1, 0.1) });
    y -= size + 8;
  };
}

async function renderSignedPdf(doc: SimDocument): Promise<Uint8Array> {
  const pdf = await PDFDocument.load(doc.pdf, { updateMetadata: false });
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const line = writer(pdf.addPage([595, 842]), font, bold);
  line('Electronically signed (Leegality simulator)', { size: 16, strong: true });
  line(`Document ID: ${doc.documentId}`);
  if (doc.irn) line(`Reference (IRN): ${doc.irn}`);
  for (const inv of doc.invitations) line(`Signed by ${inv.name} <${inv.email}> at ${inv.signedAt ?? '-'}`);
  line('This stamp page is produced by a local simulator and carries no legal effect.', { size: 9 });
  return pdf.save();
}

async function renderAuditTrail(doc: SimDocument): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`Audit trail ${doc.documentId}`);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const line = writer(pdf.addPage([595, 842]), font, bold);
  line('Audit Trail', { size: 18, strong: true });
  line(`Document ID: ${doc.documentId}`);
  line(`File: ${doc.fileName}`);
  if (doc.irn) line(`Reference (IRN): ${doc.irn}`);
  line(`Status: ${doc.status}`);
  for (const h of doc.history.slice(0, 40)) line(`${h.at}  ${h.what}`, { size: 9 });
  return pdf.save();
}
