// applicationWhatsApp (application-whatsapp/<messageId>): delivers one staff message of an
// application's WhatsApp thread. The row was logged `queued` before this run started; the one
// activity makes the provider call and records `sent` (with the wamid) or `failed` for good, and
// does nothing for a row no longer queued, so retries and a second run never send twice.
import { proxyActivities, upsertSearchAttributes } from '@temporalio/workflow';
import type { ApplicationWhatsAppActivities } from '../../activities/application-whatsapp.activities.js';
import { MasState } from '../search-attributes.js';
import type { ApplicationWhatsAppInput, ApplicationWhatsAppResult } from './application-whatsapp.contract.js';

const { deliverApplicationWhatsApp } = proxyActivities<ApplicationWhatsAppActivities>({
  // The client's own timeout is 10 s.
  startToCloseTimeout: '30 seconds',
  // WhatsApp may be down or rate limiting for a while: keep trying for about an hour.
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes', maximumAttempts: 20 },
});

export async function applicationWhatsApp(input: ApplicationWhatsAppInput): Promise<ApplicationWhatsAppResult> {
  const { outcome } = await deliverApplicationWhatsApp({ messageId: input.messageId });
  upsertSearchAttributes([{ key: MasState, value: outcome === 'sent' ? 'SENT' : 'REFUSED' }]);
  return { messageId: input.messageId, outcome };
}
