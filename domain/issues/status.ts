// A user-reported issue (seed: Issue.status): the user files it OPEN, staff take it IN_PROGRESS
// and RESOLVED; the user (or staff) closes it, or reopens a resolution that did not help.
// Staff may also resolve or close straight from OPEN (a duplicate, nothing to do).
import { defineLifecycle } from '../lifecycle.js';

export const issueLifecycle = defineLifecycle('issue', ['OPEN', 'IN_PROGRESS', 'RESOLVED', 'CLOSED'], 'OPEN', {
  OPEN: ['IN_PROGRESS', 'RESOLVED', 'CLOSED'],
  IN_PROGRESS: ['OPEN', 'RESOLVED', 'CLOSED'],
  RESOLVED: ['OPEN', 'CLOSED'],
  CLOSED: [],
});
export type IssueStatus = (typeof issueLifecycle.states)[number];

export const ISSUE_CATEGORIES = ['BOOKING', 'PAYMENT', 'TOKENS', 'SESSION', 'ACCOUNT', 'COURSE', 'BUG', 'OTHER'] as const;
