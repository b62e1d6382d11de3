// Student profile rules shared by the api schema and the service: which graduation years are
// believable, how many skills a profile lists. The gamification columns are never user input.

export const MIN_GRADUATION_YEAR = 1960;
/** Students may enter the year they expect to graduate. */
export const GRADUATION_YEARS_AHEAD = 8;
export const maxGraduationYear = (now = new Date()) => now.getUTCFullYear() + GRADUATION_YEARS_AHEAD;

export const MAX_SKILLS = 30;
export const MAX_SKILL_LENGTH = 60;

/** Skills as typed: trimmed, blanks dropped, case-insensitive duplicates removed (first spelling kept). */
export function normalizeSkills(skills: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of skills) {
    const s = raw.trim().replace(/\s+/g, ' ');
    const key = s.toLowerCase();
    if (!s || seen.has(key)) continue;
    seen.add(key);
    out.push(s);
  }
  return out;
}
