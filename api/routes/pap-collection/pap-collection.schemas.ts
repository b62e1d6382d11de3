// Bodies of a PAP agreement's placement, its verification (with the collection plan), the
// write-off, and an instalment's payment.
import { z } from '@hono/zod-openapi';
import { MAX_INSTALMENTS } from '../../../domain/pap/collection.js';
import { PapId } from '../pap/pap.schemas.js';

const Text = (max: number) => z.string().trim().min(1).max(max);
/** Up to Rs. 10 crore a year, in paise. */
const Ctc = z.number().int().min(10_000).max(10_000_000_000);

export const PlacementBody = z
  .object({
    company: Text(200),
    role: Text(200),
    ctcPaise: Ctc.openapi({ description: 'The first-year CTC in paise (Rs. 6,00,000 = 60000000)' }),
    offerLetterKey: z.string().min(1).max(300).openapi({ description: 'The key from POST /api/pap/{id}/offer-letter/upload-url, after the PUT' }),
    joiningDate: z.iso.date().optional(),
  })
  .strict()
  .openapi('PapPlacementReport');

export const VerifyPlacementBody = z
  .object({
    decision: z.enum(['approve', 'reject']),
    notes: z.string().trim().max(2000).optional().openapi({ description: 'Required to reject: why the placement could not be verified (the student reports it again)' }),
    verifiedCtcPaise: Ctc.optional().openapi({ description: 'The CTC as verified, when it differs from the reported one' }),
    instalments: z.number().int().min(1).max(MAX_INSTALMENTS).optional().openapi({ description: 'How many instalments (default 3)' }),
    firstDueAt: z.iso.datetime({ offset: true }).optional().openapi({ description: 'When the first instalment falls due (default 30 days after the verification)' }),
    intervalDays: z.number().int().min(1).max(365).optional().openapi({ description: 'Days between instalments (default 30)' }),
  })
  .strict()
  .openapi('PapPlacementVerification');

export const WriteOffBody = z.object({ reason: Text(2000) }).strict().openapi('PapWriteOff');

export const InstalmentParams = PapId.extend({ seq: z.coerce.number().int().min(1).max(MAX_INSTALMENTS).openapi({ param: { name: 'seq', in: 'path' } }) });

export const InstalmentCheckoutView = z
  .object({
    papId: z.uuid(),
    seq: z.number().int(),
    globalPaymentId: z.uuid(),
    workflowId: z.string().nullable(),
    checkout: z.object({ key: z.string(), order_id: z.string(), amount: z.number().int().openapi({ description: 'Paise, GST included' }), currency: z.literal('INR'), name: z.string() }),
  })
  .openapi('PapInstalmentCheckout');

export const InstalmentVerifyView = z.object({ papId: z.uuid(), seq: z.number().int(), status: z.string(), globalPaymentId: z.uuid(), workflowId: z.string().nullable() }).openapi('PapInstalmentVerified');
