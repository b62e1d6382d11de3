// Bodies and views of PAP agreements: the MOU details (domain/pap/mou.ts rules), the signed
// upload, the review, the payment option; the view is the row plus the run's live step.
import { z } from '@hono/zod-openapi';
import { SALARY_BANDS } from '../../../domain/pap/mou.js';
import { papLifecycle } from '../../../domain/pap/status.js';
import { PageQuery } from '../../pagination.js';

const Text = (max: number) => z.string().trim().min(1).max(max);

const Address = z
  .object({ line1: Text(200), line2: z.string().trim().max(200).optional(), city: Text(100), state: Text(100), pin: z.string().regex(/^\d{6}$/, { message: 'A six-digit PIN code' }) })
  .strict()
  .openapi('PapAddress');
const Guardian = z
  .object({ name: Text(200), relation: Text(50), phone: z.string().regex(/^\+?\d{10,15}$/, { message: '10 to 15 digits, optionally with +' }) })
  .strict()
  .openapi('PapGuardian');

export const MouDetailsBody = z
  .object({
    legalName: Text(200).openapi({ description: 'Full legal name as on a government ID' }),
    dateOfBirth: z.iso.date().openapi({ description: 'YYYY-MM-DD; under 18 needs a guardian' }),
    address: Address,
    guardian: Guardian.optional().openapi({ description: 'Required when the student is under 18' }),
    expectedSalaryBand: z.enum(SALARY_BANDS),
  })
  .strict()
  .openapi('PapMouDetails');

export const SIGNED_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export const UploadUrlBody = z
  .object({ contentType: z.enum(SIGNED_TYPES), sizeBytes: z.number().int().min(1).max(10 * 1024 * 1024) })
  .strict()
  .openapi('PapSignedMouUploadRequest');
export const UploadUrlView = z
  .object({
    key: z.string().openapi({ description: 'Send this key with the step once the PUT succeeded (POST /api/pap/{id}/signed-mou, or /placement as offerLetterKey)' }),
    upload: z.object({ url: z.string(), method: z.literal('PUT'), headers: z.record(z.string(), z.string()), expiresAt: z.string() }),
  })
  .openapi('PapSignedMouUpload');
export const SignedMouBody = z.object({ key: z.string().min(1).max(300) }).strict().openapi('PapSignedMouComplete');

export const ReviewBody = z
  .object({
    decision: z.enum(['approve', 'reject']),
    notes: z.string().trim().max(2000).optional().openapi({ description: 'Required to reject: the reason the student sees' }),
    sendBackTo: z.enum(['PENDING_MOU_DETAILS', 'PENDING_MOU_UPLOAD']).optional().openapi({ description: 'Where a rejection sends the student (default PENDING_MOU_UPLOAD)' }),
  })
  .strict()
  .openapi('PapReview');

export const PaymentOptionBody = z.object({ option: z.enum(['UPFRONT', 'PAP']) }).strict().openapi('PapPaymentOption');

export const PapLive = z
  .object({
    status: z.enum(papLifecycle.states),
    waitingFor: z.string(),
    nextReminderAt: z.string().nullable(),
    remindersSent: z.number().int(),
    blocked: z.string().nullable(),
    rejection: z.string().nullable(),
    upfrontPayment: z.object({ globalPaymentId: z.string(), status: z.string() }).nullable(),
    esign: z
      .object({ documentId: z.string().nullable(), signUrl: z.string().nullable(), failure: z.string().nullable().openapi({ description: 'Why eSign is not available; the manual upload stays' }) })
      .nullable()
      .openapi({ description: 'The Leegality signing, once asked for' }),
    collection: z
      .object({
        totalPaise: z.number().int(),
        instalments: z.array(z.object({ id: z.uuid(), seq: z.number().int(), amountPaise: z.number().int(), dueAt: z.string(), status: z.enum(['DUE', 'PAID', 'WRITTEN_OFF']) })),
      })
      .nullable()
      .openapi({ description: 'The collection as the run sees it, once the placement is verified' }),
  })
  .openapi('PapLiveState');

const PapPlacement = z
  .object({
    company: z.string(),
    role: z.string(),
    ctcPaise: z.number().int().openapi({ description: 'The first-year CTC as reported, in paise' }),
    verifiedCtcPaise: z.number().int().nullable().openapi({ description: 'The CTC the admin verified (the collection is computed on it)' }),
    joiningDate: z.string().nullable(),
    reportedById: z.uuid(),
    reportedAt: z.string().nullable(),
    verifiedAt: z.string().nullable(),
  })
  .openapi('PapPlacement');

const PapCollection = z
  .object({
    amountPaise: z.number().int().openapi({ description: 'What the agreement’s terms make owed on the verified CTC (GST included)' }),
    paidPaise: z.number().int(),
    instalments: z.array(
      z.object({ id: z.uuid(), seq: z.number().int(), amountPaise: z.number().int(), dueAt: z.string(), status: z.enum(['DUE', 'PAID', 'WRITTEN_OFF']), paidAt: z.string().nullable(), globalPaymentId: z.uuid().nullable() }),
    ),
  })
  .openapi('PapCollection');

export const PapView = z
  .object({
    id: z.uuid(),
    applicationId: z.uuid(),
    userId: z.uuid(),
    batchId: z.uuid().nullable().openapi({ description: 'Null when the batch was deleted; the agreement goes on' }),
    batchCode: z.string().nullable(),
    agreementTemplateId: z.uuid().nullable(),
    status: z.enum(papLifecycle.states),
    paymentOption: z.enum(['UPFRONT', 'PAP']).nullable(),
    mouDetails: MouDetailsBody.nullable(),
    mouDetailsSubmittedAt: z.string().nullable(),
    mouSignedAt: z.string().nullable(),
    signedMouUploaded: z.boolean(),
    esignDocumentId: z.string().nullable().openapi({ description: 'The Leegality document of the agreement, once made' }),
    signUrl: z.string().nullable().openapi({ description: 'Where the student signs through Leegality (shown to the student, while PENDING_MOU_UPLOAD)' }),
    reviewedById: z.uuid().nullable(),
    reviewNotes: z.string().nullable(),
    reviewedAt: z.string().nullable(),
    feeAmountPaise: z.number().int().nullable(),
    currency: z.string(),
    paymentOptionChosenAt: z.string().nullable(),
    enrolledAt: z.string().nullable(),
    placement: PapPlacement.nullable(),
    collection: PapCollection.nullable(),
    completedAt: z.string().nullable(),
    writtenOffAt: z.string().nullable(),
    writeOffReason: z.string().nullable(),
    workflowId: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    live: PapLive.nullable().openapi({ description: 'The run’s live step (workflow Query); null when it cannot be asked' }),
  })
  .openapi('PapAgreement');

export const PapListItem = PapView.omit({ live: true, mouDetails: true }).openapi('PapAgreementSummary');

export const PapQuery = PageQuery.extend({
  status: z.enum(papLifecycle.states).optional(),
  batchId: z.uuid().optional(),
  userId: z.uuid().optional(),
});

export const DownloadView = z.object({ url: z.string(), expiresAt: z.string() }).openapi('PapDownload');

export const UpfrontCheckoutView = z
  .object({
    papId: z.uuid(),
    globalPaymentId: z.uuid(),
    workflowId: z.string().nullable(),
    checkout: z.object({ key: z.string(), order_id: z.string(), amount: z.number().int().openapi({ description: 'Paise, GST included' }), currency: z.literal('INR'), name: z.string() }),
  })
  .openapi('PapUpfrontCheckout');

export const UpfrontVerifyView = z.object({ papId: z.uuid(), status: z.string(), globalPaymentId: z.uuid(), workflowId: z.string().nullable() }).openapi('PapUpfrontVerified');

export const PapId = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
