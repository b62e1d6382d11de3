// A CRM call's telephony status (lead_call_logs.status, mirroring Exotel's). Callbacks arrive
// late and out of order, so a status only moves forward and a final one never moves again.
import { defineLifecycle } from '../lifecycle.js';

const FINAL = ['completed', 'busy', 'no_answer', 'failed', 'canceled'] as const;

export const leadCallLifecycle = defineLifecycle(
  'call',
  ['queued', 'ringing', 'in_progress', 'completed', 'busy', 'no_answer', 'failed', 'canceled'],
  'queued',
  {
    queued: ['ringing', 'in_progress', ...FINAL],
    ringing: ['in_progress', ...FINAL],
    // Exotel reports a click-to-call in-progress from the start, before the lead's leg rings.
    in_progress: [...FINAL],
    completed: [],
    busy: [],
    no_answer: [],
    failed: [],
    canceled: [],
  },
);
export type LeadCallStatus = (typeof leadCallLifecycle.states)[number];

/** Where `current` may go when the provider now says `next`: forward, or nowhere (same or backwards). */
export function nextCallStatus(current: LeadCallStatus, next: LeadCallStatus): LeadCallStatus {
  return leadCallLifecycle.canTransition(current, next) ? next : current;
}

/** Exotel's status words (in-progress, no-answer…) as this lifecycle spells them; null if unknown. */
export function fromProviderStatus(status: string): LeadCallStatus | null {
  const s = status.trim().toLowerCase().replace('-', '_');
  return (leadCallLifecycle.states as readonly string[]).includes(s) ? (s as LeadCallStatus) : null;
}
