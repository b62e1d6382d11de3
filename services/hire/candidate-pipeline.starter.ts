// Starts (or joins) the one candidatePipeline run for a job application. The apply endpoint
// calls it after the job_applications row is committed; a retry of the same start joins the
// open run (start-or-join), so a double submit never runs the pipeline twice.
import type { Client } from '@temporalio/client';
import { workflowIds } from '../../domain/ids.js';
import { startOrJoin } from '../start-or-join.js';
import { CANDIDATE_PIPELINE_WORKFLOW, type CandidatePipelineInput } from '../../workflows/candidate-pipeline/candidate-pipeline.contract.js';
import { MasEntityId, MasEntityType, MasJobPostId, MasState } from '../../workflows/search-attributes.js';

export interface PipelineStartDeps {
  temporal: Client;
  taskQueue: string;
}

/** What the Web UI list shows: never the candidate's name or email (no PII in Temporal). */
export function candidateSummary(jobTitle: string, jobApplicationId: string): string {
  return `Candidate · ${jobTitle.slice(0, 120)} · application ${jobApplicationId}`;
}

export async function startCandidatePipeline(deps: PipelineStartDeps, input: CandidatePipelineInput & { jobTitle: string }): Promise<{ workflowId: string; closed: boolean }> {
  const workflowId = workflowIds.candidatePipeline(input.jobApplicationId);
  const args: [CandidatePipelineInput] = [{ jobApplicationId: input.jobApplicationId, jobPostId: input.jobPostId }];
  const { closed } = await startOrJoin(deps.temporal, CANDIDATE_PIPELINE_WORKFLOW, {
    taskQueue: deps.taskQueue,
    workflowId,
    args,
    staticSummary: candidateSummary(input.jobTitle, input.jobApplicationId),
    typedSearchAttributes: [
      { key: MasEntityType, value: 'job_application' },
      { key: MasEntityId, value: input.jobApplicationId },
      { key: MasState, value: 'resume_received' },
      { key: MasJobPostId, value: input.jobPostId },
    ],
  });
  return { workflowId, closed };
}
