// Merging a repeated lead capture into the existing lead: the first value wins, so a later
// capture only fills fields that are still empty and never overwrites what sales already has.

/** Columns a repeated capture may fill. Identity (name) and workflow state are never touched. */
export const MERGEABLE_FIELDS = [
  'email',
  'phone',
  'alternatePhone',
  'city',
  'state',
  'college',
  'qualification',
  'graduationYear',
  'sourceDetail',
  'utmSource',
  'utmMedium',
  'utmCampaign',
  'batchId',
  'webinarId',
  'owningSalesHeadId',
] as const;
export type MergeableField = (typeof MERGEABLE_FIELDS)[number];
export type MergeableValues = { [K in MergeableField]?: string | number | null };
export type ExtraData = Record<string, unknown>;

const isEmpty = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
const isRecord = (v: unknown): v is ExtraData => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface MergePlan {
  /** Only the fields to write; empty when the capture adds nothing. */
  patch: MergeableValues & { extraData?: ExtraData };
  /** Names of the filled fields (extraData keys as `extraData.<key>`), for the activity log. */
  filled: string[];
}

/**
 * What a repeated capture adds to an existing lead. `locked` names fields that must not be
 * filled even when empty (a dedupe key another lead already holds).
 */
export function planMerge(
  existing: MergeableValues & { extraData?: unknown },
  incoming: MergeableValues & { extraData?: ExtraData | undefined },
  locked: readonly MergeableField[] = [],
): MergePlan {
  const patch: MergePlan['patch'] = {};
  const filled: string[] = [];
  for (const field of MERGEABLE_FIELDS) {
    if (locked.includes(field)) continue;
    const value = incoming[field];
    if (!isEmpty(value) && isEmpty(existing[field])) {
      patch[field] = value;
      filled.push(field);
    }
  }
  if (incoming.extraData) {
    const current = isRecord(existing.extraData) ? existing.extraData : {};
    const added = Object.keys(incoming.extraData).filter((k) => !(k in current) && incoming.extraData![k] !== undefined);
    if (added.length) {
      patch.extraData = { ...current, ...Object.fromEntries(added.map((k) => [k, incoming.extraData![k]])) };
      filled.push(...added.map((k) => `extraData.${k}`));
    }
  }
  return { patch, filled };
}

/** The session year stamped on a lead whose capture names none: the current calendar year (UTC). */
export function defaultSessionYear(now: Date): string {
  return String(now.getUTCFullYear());
}
