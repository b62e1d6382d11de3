// Delivery statuses of every send (emails_sent, whatsapp_messages): they move forward only.
// A status may skip steps (a `read` can arrive before its `delivered`), but never goes back,
// and a terminal one (failed, bounced) never changes. Services turn `movableFrom(to)` into the
// WHERE of one conditional UPDATE, so late, duplicate or racing updates change nothing.
import { defineLifecycle, type Lifecycle } from '../lifecycle.js';

/** A forward-only lifecycle: each state may move to any later one, or to a terminal one from any non-terminal state. */
function forwardOnly<const S extends string>(name: string, ladder: readonly S[], terminal: readonly S[]): Lifecycle<S> {
  const transitions = {} as Record<S, S[]>;
  ladder.forEach((s, i) => (transitions[s] = [...ladder.slice(i + 1), ...terminal.filter((t) => t !== s)]));
  // The last rung of the ladder is final as well: nothing after `read`.
  transitions[ladder[ladder.length - 1]!] = [];
  for (const t of terminal) transitions[t] = [];
  return defineLifecycle<S>(name, [...ladder, ...terminal], ladder[0]!, transitions);
}

export const WHATSAPP_DELIVERY_STATUSES = ['queued', 'sent', 'delivered', 'read', 'failed'] as const;
export type WhatsAppDeliveryStatus = (typeof WHATSAPP_DELIVERY_STATUSES)[number];
/** queued (logged before the call) < sent < delivered < read; failed is terminal from any earlier state. */
export const whatsappDeliveryLifecycle = forwardOnly<WhatsAppDeliveryStatus>('WhatsApp message', ['queued', 'sent', 'delivered', 'read'], ['failed']);

export const EMAIL_DELIVERY_STATUSES = ['QUEUED', 'SENT', 'FAILED', 'BOUNCED'] as const;
export type EmailDeliveryStatus = (typeof EMAIL_DELIVERY_STATUSES)[number];
/**
 * QUEUED < SENT < BOUNCED; FAILED (refused for good) is terminal for status updates. A new send
 * attempt under the same dedupe key (services/notifications/email-claims.ts) is a re-send, not
 * a status update: it may re-claim a FAILED row, never a SENT one.
 */
export const emailDeliveryLifecycle = defineLifecycle<EmailDeliveryStatus>('email', EMAIL_DELIVERY_STATUSES, 'QUEUED', {
  QUEUED: ['SENT', 'FAILED', 'BOUNCED'],
  SENT: ['BOUNCED'],
  FAILED: [],
  BOUNCED: [],
});

/** The states a row may be in for `to` to apply: the WHERE of a forward-only conditional UPDATE. */
export function movableFrom<S extends string>(lifecycle: Lifecycle<S>, to: S): S[] {
  return lifecycle.states.filter((s) => lifecycle.canTransition(s, to));
}

/** Whether `to` moves a row in `from` forward (false for the same state, an earlier one, or out of a terminal one). */
export const movesForward = <S extends string>(lifecycle: Lifecycle<S>, from: S, to: S): boolean => lifecycle.canTransition(from, to);
