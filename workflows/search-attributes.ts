// Custom search attributes (all Keyword) registered on the dev server at start and used by
// every workflow start. Never put PII in one: IDs and states only.
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

export const MasEntityType = defineSearchAttributeKey('MasEntityType', SearchAttributeType.KEYWORD);
export const MasEntityId = defineSearchAttributeKey('MasEntityId', SearchAttributeType.KEYWORD);
export const MasState = defineSearchAttributeKey('MasState', SearchAttributeType.KEYWORD);
export const MasUserId = defineSearchAttributeKey('MasUserId', SearchAttributeType.KEYWORD);
export const MasBatchId = defineSearchAttributeKey('MasBatchId', SearchAttributeType.KEYWORD);
/** The CRM workflow definition an enrollment or bulk operation belongs to. */
export const MasCrmWorkflowId = defineSearchAttributeKey('MasCrmWorkflowId', SearchAttributeType.KEYWORD);

/** The Mr-Hire job post a candidate run belongs to. */
export const MasJobPostId = defineSearchAttributeKey('MasJobPostId', SearchAttributeType.KEYWORD);

/** Set by Temporal on every workflow a Schedule starts: the action's nominal time (a backfilled one lies in the past). Not ours to register. */
export const TemporalScheduledStartTime = defineSearchAttributeKey('TemporalScheduledStartTime', SearchAttributeType.DATETIME);

export const ALL_SEARCH_ATTRIBUTES = [MasEntityType, MasEntityId, MasState, MasUserId, MasBatchId, MasCrmWorkflowId, MasJobPostId] as const;
