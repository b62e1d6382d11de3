// Invoice and credit-note numbers: unique per Indian financial year (1 April – 31 March, in
// IST), at most 16 characters of [A-Za-z0-9/-] (the GST rule), e.g. MAS/2627/000042.
const IST_OFFSET_MS = 5.5 * 3_600_000;

/** The year the financial year containing `at` starts in (FY 2026-27 → 2026). */
export function financialYearStart(at: Date): number {
  const ist = new Date(at.getTime() + IST_OFFSET_MS);
  const y = ist.getUTCFullYear();
  return ist.getUTCMonth() >= 3 ? y : y - 1;
}

/** "2627" for FY 2026-27. */
export const fyLabel = (startYear: number) => `${String(startYear % 100).padStart(2, '0')}${String((startYear + 1) % 100).padStart(2, '0')}`;

export const DOCUMENT_NUMBER = /^[A-Za-z0-9/-]{1,16}$/;

export function documentNumber(prefix: string, fyStartYear: number, serial: number): string {
  if (!/^[A-Z]{1,4}$/.test(prefix)) throw new RangeError('prefix must be 1 to 4 capital letters');
  if (!Number.isSafeInteger(serial) || serial < 1) throw new RangeError('serial must be a positive whole number');
  const width = 16 - prefix.length - 1 - 4 - 1;
  const s = String(serial).padStart(Math.min(6, width), '0');
  const out = `${prefix}/${fyLabel(fyStartYear)}/${s}`;
  if (!DOCUMENT_NUMBER.test(out)) throw new RangeError(`serial ${serial} does not fit a 16-character document number`);
  return out;
}
