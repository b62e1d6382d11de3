// Contact normalisation for the CRM dedupe keys (raw_leads(platform, phone) and (platform,
// email)): every spelling of one number must become the same E.164 string, or dedupe fails.

/** Country code assumed for national numbers: the leads are Indian (+91). */
export const DEFAULT_COUNTRY_CODE = '91';

const ALLOWED = /^\+?[\d\s().-]+$/;
// ITU E.164: at most 15 digits including the country code; shorter than 8 is not a real number.
const MIN_E164_DIGITS = 8;
const MAX_E164_DIGITS = 15;

function international(digits: string): string | null {
  if (digits.length < MIN_E164_DIGITS || digits.length > MAX_E164_DIGITS || digits.startsWith('0')) return null;
  // An Indian number has exactly 10 national digits; anything else under +91 is a typo.
  if (digits.startsWith(DEFAULT_COUNTRY_CODE) && digits.length !== DEFAULT_COUNTRY_CODE.length + 10) return null;
  return `+${digits}`;
}

/**
 * E.164 for a phone number as people type it, or null when it cannot be one.
 * `+<cc>…` and `00<cc>…` are international; 10 digits are Indian national numbers, as are
 * 11 digits with the trunk prefix 0 and 12 digits starting with 91 (the + forgotten).
 */
export function normalizePhone(input: string): string | null {
  const trimmed = input.trim();
  if (!ALLOWED.test(trimmed)) return null;
  const digits = trimmed.replace(/\D/g, '');
  if (trimmed.startsWith('+')) return international(digits);
  if (digits.startsWith('00')) return international(digits.slice(2));
  if (digits.length === 10 && !digits.startsWith('0')) return `+${DEFAULT_COUNTRY_CODE}${digits}`;
  if (digits.length === 11 && digits.startsWith('0') && digits[1] !== '0') return `+${DEFAULT_COUNTRY_CODE}${digits.slice(1)}`;
  if (digits.length === 12 && digits.startsWith(DEFAULT_COUNTRY_CODE)) return international(digits);
  return null;
}

/** Emails are dedupe keys too: trimmed and lower-cased (the whole address, as the schema says). */
export function normalizeEmail(input: string): string {
  return input.trim().toLowerCase();
}
