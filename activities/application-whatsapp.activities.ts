// The application WhatsApp thread's delivery activity: a thin adapter over
// services/admissions/application-whatsapp.ts. A transient provider error is retried by
// Temporal; a refusal for good is an outcome (the row is `failed`), not a failure.
import { deliverApplicationWhatsApp } from '../services/admissions/application-whatsapp.js';
import type { ApplicationWhatsAppOutcome } from '../workflows/application-whatsapp/application-whatsapp.contract.js';
import type { ActivityDeps } from './deps.js';
import { refusingDomainErrors } from './failures.js';

export function createApplicationWhatsAppActivities(deps: Pick<ActivityDeps, 'db' | 'logger' | 'now' | 'whatsapp'>) {
  return {
    async deliverApplicationWhatsApp(input: { messageId: string }): Promise<{ outcome: ApplicationWhatsAppOutcome }> {
      return refusingDomainErrors(() => deliverApplicationWhatsApp(deps, input.messageId));
    },
  };
}

export type ApplicationWhatsAppActivities = ReturnType<typeof createApplicationWhatsAppActivities>;
