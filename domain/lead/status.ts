// Legacy CRM lead (seed: Lead.status). Archived leads can be restored; deletion is final.
import { defineLifecycle } from '../lifecycle.js';

export const leadLifecycle = defineLifecycle('lead', ['ACTIVE', 'ARCHIVED', 'DELETED'], 'ACTIVE', {
  ACTIVE: ['ARCHIVED', 'DELETED'],
  ARCHIVED: ['ACTIVE', 'DELETED'],
  DELETED: [],
});
export type LeadStatus = (typeof leadLifecycle.states)[number];
