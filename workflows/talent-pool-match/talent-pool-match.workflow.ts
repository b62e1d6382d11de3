// talentPoolMatch: a job just went active; score the platform's talent pool against it, 20
// candidates per activity, and keep the suggestions (talent_pool_matches) for its recruiter.
import { proxyActivities } from '@temporalio/workflow';
import type { HireActivities } from '../../activities/hire.activities.js';
import { TALENT_MATCH_CHUNK, type TalentMatchInput, type TalentMatchResult } from './talent-pool-match.contract.js';

const acts = proxyActivities<HireActivities>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes', maximumAttempts: 20 },
});

export async function talentPoolMatch(input: TalentMatchInput): Promise<TalentMatchResult> {
  const ids = await acts.hireTalentPoolCandidates(input.jobPostId);
  const result: TalentMatchResult = { considered: ids.length, matched: 0, skipped: 0 };
  for (let i = 0; i < ids.length; i += TALENT_MATCH_CHUNK) {
    const r = await acts.hireMatchTalentEntries({ jobPostId: input.jobPostId, entryIds: ids.slice(i, i + TALENT_MATCH_CHUNK) });
    result.matched += r.matched;
    result.skipped += r.skipped;
  }
  return result;
}
