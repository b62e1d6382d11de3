// MOU details and agreement rendering: pure rules shared by the api (zod), the workflow's
// validators and the PDF activity. A student under 18 on the day they submit needs a guardian.
export const SALARY_BANDS = ['UP_TO_3_LPA', '3_TO_6_LPA', '6_TO_10_LPA', '10_TO_15_LPA', 'ABOVE_15_LPA'] as const;

/** What the student fills in (the api's zod schema in api/routes/pap/pap.schemas.ts checks the shape). */
export interface MouDetails {
  legalName: string;
  /** YYYY-MM-DD. */
  dateOfBirth: string;
  address: { line1: string; line2?: string | undefined; city: string; state: string; pin: string };
  guardian?: { name: string; relation: string; phone: string } | undefined;
  expectedSalaryBand: (typeof SALARY_BANDS)[number];
}

/** Whole years between a YYYY-MM-DD birth date and `on` (UTC calendar days). */
export function ageOn(dateOfBirth: string, on: Date): number {
  const [y, m, d] = dateOfBirth.split('-').map(Number) as [number, number, number];
  let age = on.getUTCFullYear() - y;
  if (on.getUTCMonth() + 1 < m || (on.getUTCMonth() + 1 === m && on.getUTCDate() < d)) age--;
  return age;
}

/** A field error (path, message) when the details break a rule zod cannot see, else null. */
export function mouDetailsProblem(details: MouDetails, on: Date): { path: string; message: string } | null {
  const age = ageOn(details.dateOfBirth, on);
  if (age < 0 || age > 120) return { path: 'json.dateOfBirth', message: 'Not a plausible date of birth' };
  if (age < 18 && !details.guardian) return { path: 'json.guardian', message: 'A student under 18 needs a guardian on the agreement' };
  return null;
}

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g;

/** The distinct placeholder names in a template body, in order of first use. */
export function placeholdersOf(body: string): string[] {
  return [...new Set([...body.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

/** The template's declared variables against its body: what is used but undeclared, and declared but unused. */
export function variablesMismatch(body: string, variables: readonly string[]): { undeclared: string[]; unused: string[] } {
  const used = placeholdersOf(body);
  return { undeclared: used.filter((v) => !variables.includes(v)), unused: variables.filter((v) => !used.includes(v)) };
}

/**
 * The body as plain text paragraphs: tags are never interpreted (script and style blocks are
 * dropped whole, block ends become paragraph breaks, every other tag is dropped, entities decoded), then placeholders are filled; a
 * missing value prints as a blank line for a hand to fill.
 */
export function renderAgreementText(body: string, values: Record<string, string>): string[] {
  const text = body
    .replace(/<\s*(script|style)\b[^>]*>[\s\S]*?<\/\s*\1\s*>/gi, '')
    .replace(/<\s*br\s*\/?>/gi, '\n')
    .replace(/<\/\s*(p|h[1-6]|div|li)\s*>/gi, '\n\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
  const filled = text.replace(PLACEHOLDER, (_m, name: string) => values[name] ?? '________');
  return filled
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

/** The placeholders a template may use: what the agreement renderer fills in. */
export const PAP_TEMPLATE_VARIABLES = ['date', 'legalName', 'address', 'batchCode', 'guardianName', 'salaryBand', 'papFee', 'email'] as const;
