// MOU details and agreement rendering: pure rules shared by the api (zod), the workflow's
// validators and the PDF activity. A student under 18 on the day they submit needs a guardian.
import { z } from 'zod';

export const SALARY_BANDS = ['UP_TO_3_LPA', '3_TO_6_LPA', '6_TO_10_LPA', '10_TO_15_LPA', 'ABOVE_15_LPA'] as const;

const Text = (max: number) => z.string().trim().min(1).max(max);

export const MouAddressSchema = z
  .object({ line1: Text(200), line2: z.string().trim().max(200).optional(), city: Text(100), state: Text(100), pin: z.string().regex(/^\d{6}$/) })
  .strict();

export const MouGuardianSchema = z.object({ name: Text(200), relation: Text(50), phone: z.string().regex(/^\+?\d{10,15}$/) }).strict();

export const MouDetailsSchema = z
  .object({
    legalName: Text(200),
    dateOfBirth: z.iso.date(),
    address: MouAddressSchema,
    guardian: MouGuardianSchema.optional(),
    expectedSalaryBand: z.enum(SALARY_BANDS),
  })
  .strict();
export type MouDetails = z.infer<typeof MouDetailsSchema>;

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
 * The body as plain text paragraphs: tags are never interpreted (block ends become paragraph
 * breaks, every other tag is dropped, entities decoded), then placeholders are filled; a
 * missing value prints as a blank line for a hand to fill.
 */
export function renderAgreementText(body: string, values: Record<string, string>): string[] {
  const text = body
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
