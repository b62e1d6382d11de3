export const TALENT_MATCH_WORKFLOW = 'talentPoolMatch';
export const TALENT_MATCH_CHUNK = 20;

export interface TalentMatchInput {
  jobPostId: string;
}

export interface TalentMatchResult {
  considered: number;
  matched: number;
  skipped: number;
}
