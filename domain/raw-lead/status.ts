// A CRM lead's sales status (raw_leads.status, enum RawLeadStatus). The seed spec draws no
// diagram for it, so this is the product rule: a lead is worked (contacted, interested,
// follow_up, not_interested) back and forth, a lost lead may be won back, and converted
// (a student account exists) and invalid (no real person behind it) are final. Nothing
// returns to `new`: it only means "nobody has touched it yet".
import { defineLifecycle } from '../lifecycle.js';

export const rawLeadLifecycle = defineLifecycle(
  'lead',
  ['new', 'contacted', 'interested', 'follow_up', 'not_interested', 'converted', 'lost', 'invalid'],
  'new',
  {
    new: ['contacted', 'interested', 'follow_up', 'not_interested', 'converted', 'lost', 'invalid'],
    contacted: ['interested', 'follow_up', 'not_interested', 'converted', 'lost', 'invalid'],
    interested: ['contacted', 'follow_up', 'not_interested', 'converted', 'lost'],
    follow_up: ['contacted', 'interested', 'not_interested', 'converted', 'lost'],
    not_interested: ['contacted', 'interested', 'follow_up', 'lost'],
    lost: ['contacted', 'interested', 'follow_up'],
    converted: [],
    invalid: [],
  },
);
export type RawLeadStatus = (typeof rawLeadLifecycle.states)[number];

export function isRawLeadStatus(s: string): s is RawLeadStatus {
  return (rawLeadLifecycle.states as readonly string[]).includes(s);
}
