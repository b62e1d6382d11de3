// GSTIN: 15 characters: a 2-digit state code, the holder's 10-character PAN, an entity number
// (1-9 or A-Z), the letter Z, and a check character (mod 36 over the first 14).
const CHARS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const SHAPE = /^(\d{2})([A-Z]{5}\d{4}[A-Z])([1-9A-Z])Z([0-9A-Z])$/;

/** State and UT codes used in GSTINs (01 Jammu and Kashmir … 38 Ladakh; 97 Other Territory). */
export function isGstStateCode(code: string): boolean {
  if (!/^\d{2}$/.test(code)) return false;
  const n = Number(code);
  return (n >= 1 && n <= 38) || n === 97;
}

export function gstinCheckChar(first14: string): string {
  let sum = 0;
  for (let i = 0; i < 14; i++) {
    const v = CHARS.indexOf(first14[i]!);
    if (v < 0) throw new RangeError(`not a GSTIN character: ${first14[i]}`);
    const p = v * (i % 2 === 0 ? 1 : 2);
    sum += Math.floor(p / 36) + (p % 36);
  }
  return CHARS[(36 - (sum % 36)) % 36]!;
}

export type GstinCheck = { ok: true; gstin: string; stateCode: string; pan: string } | { ok: false; reason: 'shape' | 'state' | 'checksum' };

/** Upper-cases and trims, then checks the shape, the state code and the check character. */
export function checkGstin(input: string): GstinCheck {
  const gstin = input.trim().toUpperCase();
  const m = SHAPE.exec(gstin);
  if (!m) return { ok: false, reason: 'shape' };
  if (!isGstStateCode(m[1]!)) return { ok: false, reason: 'state' };
  if (gstinCheckChar(gstin.slice(0, 14)) !== gstin[14]) return { ok: false, reason: 'checksum' };
  return { ok: true, gstin, stateCode: m[1]!, pan: m[2]! };
}
