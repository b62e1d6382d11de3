// Pipeline step 2, outreach: an email to the candidate, and a WhatsApp template where they gave
// a number and agreed to WhatsApp. Each send happens at most once per application (the email's
// claim; the whatsapp_messages row logged before the call), with no transaction open during a send. Every call
// is booked in pipeline_cost_ledger.
import type { CandidateStatus } from '../../domain/candidate/status.js';
import { DomainError } from '../../domain/errors.js';
import { whatsappCostMicroUsd } from '../../domain/hire/pricing.js';
import { TEMPLATE_KEYS } from '../../domain/comms/default-templates.js';
import { sendClaimedEmail } from '../notifications/claimed-email.js';
import { renderTemplatedEmail } from '../notifications/email-templates.js';
import { sendLoggedWhatsApp } from '../notifications/whatsapp-send.js';
import { recordCost } from './cost-ledger.js';
import { hireSettings, type HireStepDeps } from './hire-deps.js';
import { moveStageIn } from './pipeline-state.js';
import type { StepOutcome } from './resume-parse.js';

export const OUTREACH_TEMPLATE = 'candidate_outreach';

const firstName = (name: string | null) => (name ?? '').trim().split(/\s+/)[0] || 'there';

export async function sendOutreachStep(deps: HireStepDeps, input: { jobApplicationId: string; from: CandidateStatus }): Promise<StepOutcome> {
  const { db, now, logger } = deps;
  const settings = hireSettings(deps);
  const { jobApplicationId } = input;
  const app = await db.jobApplication.findUnique({ where: { id: jobApplicationId }, select: { jobPostId: true, name: true, email: true, phone: true, whatsappConsent: true, rejectedAt: true } });
  if (!app) throw new DomainError('NOT_FOUND', `Job application ${jobApplicationId} does not exist`);
  if (app.rejectedAt) return { outcome: 'done' };
  const job = await db.jobPost.findUnique({ where: { id: app.jobPostId }, select: { title: true, company: true, belongsTo: true } });
  const title = job?.title ?? 'the role';
  const ids = { jobApplicationId, jobPostId: app.jobPostId };

  if (app.email) {
    const sent = await sendClaimedEmail(deps, {
      dedupeKey: `hire-outreach:${jobApplicationId}`,
      emailType: 'HIRE_OUTREACH',
      userId: null,
      to: app.email,
      from: settings.emailFrom,
      ...(await renderTemplatedEmail(db, TEMPLATE_KEYS.hireOutreach, { firstName: firstName(app.name), role: `${title}${job?.company ? ` at ${job.company}` : ''}` })),
      headers: { 'X-Mas-Job-Application-Id': jobApplicationId },
      metadata: { jobApplicationId, jobPostId: app.jobPostId },
    });
    await recordCost(db, { idempotencyKey: `${jobApplicationId}:outreach:email`, stage: 'OUTREACH', provider: 'OTHER', model: 'smtp', units: 1, unitType: 'email', costMicroUsd: 0, providerRequestId: sent.messageId, ...ids });
  }

  if (app.phone && app.whatsappConsent && job?.belongsTo) {
    // Logged `queued` before the call (services/notifications/whatsapp-send.ts); a retry after a
    // crash or a transient error reuses that row instead of logging a second message.
    const prior = await db.whatsAppMessage.findFirst({ where: { jobApplicationId, templateName: OUTREACH_TEMPLATE }, select: { id: true, status: true } });
    if (!prior || prior.status === 'queued') {
      const sent = await sendLoggedWhatsApp(deps, {
        userId: job.belongsTo,
        jobApplicationId,
        fromPhone: settings.whatsappFromPhone,
        to: app.phone,
        template: OUTREACH_TEMPLATE,
        params: [firstName(app.name), title.slice(0, 60)],
        priorMessageId: prior?.id ?? null,
      });
      // A refusal for good (not a WhatsApp number, template refused) must not stop the pipeline: the email went.
      if (sent.outcome === 'refused') logger.warn({ jobApplicationId, error: sent.error }, 'candidate WhatsApp outreach refused; email only');
      else await recordCost(db, { idempotencyKey: `${jobApplicationId}:outreach:whatsapp`, stage: 'OUTREACH', provider: 'WHATSAPP', units: 1, unitType: 'message', costMicroUsd: whatsappCostMicroUsd(), providerRequestId: sent.wamid, ...ids });
    }
  }
  await moveStageIn(db, jobApplicationId, input.from, 'outreach_sent', now());
  return { outcome: 'done' };
}
