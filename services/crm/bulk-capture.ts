// Capturing many leads in one transaction (CSV imports): the same outcome as calling
// captureLeadInTx for each in order, with a few statements instead of three per row. Leads
// whose phone and email match nothing (in the table or earlier in the list) are inserted in
// one statement; the rest go through captureLeadInTx, which merges them. A concurrent insert
// of the same person makes the bulk insert fail on the unique keys: the caller's
// retryOnConflict reruns the transaction, and the lock query then sees that lead.
import type { Prisma } from '../../prisma/generated/client.js';
import { captureLeadInTx, type CaptureResult, type LeadCapture, type Tx } from './lead-capture.js';
import { recordLeadEvents } from '../crm-engine/triggers.js';

const json = (v: unknown) => v as Prisma.InputJsonValue;
const keysOf = (c: Pick<LeadCapture, 'phone' | 'email'>) => [...(c.phone ? [`p:${c.phone}`] : []), ...(c.email ? [`e:${c.email}`] : [])];

/** Results in input order. Every input must be of `platform`. */
export async function captureManyInTx(tx: Tx, platform: string, inputs: LeadCapture[], importBatchId: string | null): Promise<CaptureResult[]> {
  if (inputs.length === 0) return [];
  const phones = inputs.flatMap((i) => (i.phone ? [i.phone] : []));
  const emails = inputs.flatMap((i) => (i.email ? [i.email] : []));
  const existing = await tx.$queryRaw<{ phone: string | null; email: string | null }[]>`
    SELECT "phone", "email" FROM "mas_crm"."raw_leads"
    WHERE "platform" = ${platform} AND ("phone" = ANY(${phones}::text[]) OR "email" = ANY(${emails}::text[]))
    FOR UPDATE`;
  const taken = new Set(existing.flatMap(keysOf));
  const fresh: number[] = [];
  const later: number[] = [];
  inputs.forEach((input, i) => {
    const keys = keysOf(input);
    (keys.some((k) => taken.has(k)) ? later : fresh).push(i);
    for (const k of keys) taken.add(k);
  });

  const created = fresh.length
    ? await tx.rawLead.createManyAndReturn({
        data: fresh.map((i) => {
          const c = inputs[i]!;
          return {
            platform,
            name: c.name,
            phone: c.phone,
            email: c.email,
            sessionYear: c.sessionYear,
            sourceType: c.sourceType,
            importBatchId,
            ...c.fields,
            ...(c.extraData ? { extraData: json(c.extraData) } : {}),
          };
        }),
      })
    : [];
  const byKey = new Map(created.flatMap((lead) => keysOf(lead).map((k) => [k, lead] as const)));
  const results: CaptureResult[] = new Array<CaptureResult>(inputs.length);
  for (const i of fresh) results[i] = { lead: byKey.get(keysOf(inputs[i]!)[0]!)!, merged: false };
  if (created.length) {
    // The same created entry captureLeadInTx writes.
    await tx.leadActivityLog.createMany({
      data: fresh.map((i) => ({
        rawLeadId: results[i]!.lead.id,
        performedBy: inputs[i]!.performedBy,
        activityType: 'created' as const,
        description: `Lead captured (${inputs[i]!.sourceType})`,
        metadata: json({ sourceType: inputs[i]!.sourceType }),
      })),
    });
    // The trigger outbox rows captureLeadInTx writes for the leads it creates.
    await recordLeadEvents(
      tx,
      created.map((lead) => ({ type: 'LEAD_CREATED' as const, leadId: lead.id, platform: lead.platform, sourceType: lead.sourceType, formId: lead.sourceDetail })),
    );
  }
  const lateCreated: string[] = [];
  for (const i of later) {
    results[i] = await captureLeadInTx(tx, inputs[i]!);
    if (!results[i].merged) lateCreated.push(results[i].lead.id);
  }
  if (importBatchId && lateCreated.length) await tx.rawLead.updateMany({ where: { id: { in: lateCreated } }, data: { importBatchId } });
  return results;
}
