// An account deletion request: PENDING (deactivated, grace running), then CANCELLED (restored)
// or PURGED (anonymised). Both moves are conditional updates on PENDING, so a cancel racing the
// purge has one winner.
import { defineLifecycle } from '../lifecycle.js';

export const accountDeletionLifecycle = defineLifecycle('account deletion', ['PENDING', 'CANCELLED', 'PURGED'], 'PENDING', {
  PENDING: ['CANCELLED', 'PURGED'],
  CANCELLED: [],
  PURGED: [],
});
export type AccountDeletionStatus = (typeof accountDeletionLifecycle.states)[number];
