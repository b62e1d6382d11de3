// What a sync run workflow (mrLearnSync, mrTestSync) takes and returns. The Schedule passes
// { system, configId }; continue-as-new adds the run and where it had got to.
import type { SyncSystem } from '../../domain/sync/systems.js';

export interface SyncWorkflowInput {
  system: SyncSystem;
  configId: string;
  /** Set by continue-as-new: the sync_runs row this chain of runs fills. */
  runId?: string;
  resources?: string[];
  /** The resource index to go on from. */
  resourceAt?: number;
  activitiesPerRun?: number;
  heartbeatTimeoutSeconds?: number;
}

export interface SyncWorkflowResult {
  runId: string;
  status: string;
  fetched: number;
  inserted: number;
  updated: number;
  unchanged: number;
  failed: number;
}
