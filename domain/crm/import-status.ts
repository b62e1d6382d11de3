// A CSV lead import (lead_import_batches.status). A failed import resumes where it stopped
// (the rows already committed are skipped); a completed one is final and replays its result.
import { defineLifecycle } from '../lifecycle.js';

export const leadImportLifecycle = defineLifecycle('lead import', ['uploaded', 'processing', 'completed', 'failed'], 'uploaded', {
  uploaded: ['processing', 'failed'],
  processing: ['completed', 'failed'],
  failed: ['processing'],
  completed: [],
});
export type LeadImportStatus = (typeof leadImportLifecycle.states)[number];
