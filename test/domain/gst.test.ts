// GST maths (issue 13's first increment), property-tested: the lines add up to the total, the
// split follows the state codes, and rounding never loses a paisa.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COACHING_RATE_BP, MAX_INVOICE_PAISE, splitInclusive, taxOnTaxable } from '../../domain/finance/gst.js';
import { checkGstin, gstinCheckChar } from '../../domain/finance/gstin.js';
import { documentNumber, DOCUMENT_NUMBER, financialYearStart } from '../../domain/finance/invoice-number.js';

const paise = fc.integer({ min: 0, max: MAX_INVOICE_PAISE });
const rate = fc.integer({ min: 0, max: 5_000 }).map((r) => r * 2);

describe('GST split', () => {
  it('the lines add up to the total exactly', () => {
    fc.assert(
      fc.property(paise, rate, fc.boolean(), (taxable, r, intra) => {
        const t = taxOnTaxable(taxable, r, intra);
        expect(t.taxablePaise + t.cgstPaise + t.sgstPaise + t.igstPaise).toBe(t.totalPaise);
      }),
    );
  });

  it('intra-state: CGST = SGST and no IGST; inter-state: IGST only', () => {
    fc.assert(
      fc.property(paise, rate, (taxable, r) => {
        const intra = taxOnTaxable(taxable, r, true);
        expect(intra.cgstPaise).toBe(intra.sgstPaise);
        expect(intra.igstPaise).toBe(0);
        const inter = taxOnTaxable(taxable, r, false);
        expect(inter.cgstPaise + inter.sgstPaise).toBe(0);
      }),
    );
  });

  it('rounding never loses a paisa: each line is within half a paisa of its exact value', () => {
    fc.assert(
      fc.property(paise, rate, (taxable, r) => {
        const inter = taxOnTaxable(taxable, r, false);
        expect(Math.abs(inter.igstPaise - (taxable * r) / 10_000)).toBeLessThanOrEqual(0.5);
        const intra = taxOnTaxable(taxable, r, true);
        expect(Math.abs(intra.cgstPaise - (taxable * r) / 20_000)).toBeLessThanOrEqual(0.5);
      }),
    );
  });

  it('a GST-inclusive price splits into taxable + taxes equal to it, to the paisa', () => {
    fc.assert(
      fc.property(paise, rate, fc.boolean(), (gross, r, intra) => {
        const t = splitInclusive(gross, r, intra);
        expect(t.taxablePaise + t.cgstPaise + t.sgstPaise + t.igstPaise).toBe(gross);
        expect(t.totalPaise).toBe(gross);
        expect(t.taxablePaise).toBeGreaterThanOrEqual(0);
        if (intra) expect(t.cgstPaise).toBe(t.sgstPaise);
      }),
    );
  });

  it('coaching at 18%: ₹49,999 inclusive, inside Karnataka', () => {
    expect(splitInclusive(4_999_900, COACHING_RATE_BP, true)).toEqual({ taxablePaise: 4_237_204, rateBp: 1800, intraState: true, cgstPaise: 381_348, sgstPaise: 381_348, igstPaise: 0, totalPaise: 4_999_900 });
    expect(() => taxOnTaxable(-1, 1800, true)).toThrow(RangeError);
    expect(() => taxOnTaxable(100, 1801, true)).toThrow(RangeError);
  });
});

describe('GSTIN', () => {
  it('accepts a valid GSTIN and refuses a changed character', () => {
    expect(checkGstin('27AAPFU0939F1ZV').ok).toBe(true); // a widely published valid example
    const body = '29AAACM1234F1Z';
    const gstin = body + gstinCheckChar(body);
    expect(checkGstin(gstin.toLowerCase())).toEqual({ ok: true, gstin, stateCode: '29', pan: 'AAACM1234F' });
    const wrong = body + (gstin[14] === '0' ? '1' : '0');
    expect(checkGstin(wrong)).toEqual({ ok: false, reason: 'checksum' });
    expect(checkGstin('99AAACM1234F1Z5')).toEqual({ ok: false, reason: 'state' });
    expect(checkGstin('29AAACM1234F1X5')).toEqual({ ok: false, reason: 'shape' });
  });

  it('any single-character change of a valid GSTIN is refused', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 13 }), fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'), (i, c) => {
        const body = '27AAPFU0939F1Z';
        const gstin = body + gstinCheckChar(body);
        const changed = gstin.slice(0, i) + c + gstin.slice(i + 1);
        fc.pre(changed !== gstin);
        expect(checkGstin(changed).ok).toBe(false);
      }),
    );
  });
});

describe('document numbers', () => {
  it('the financial year runs April to March in IST', () => {
    expect(financialYearStart(new Date('2027-03-31T18:29:59Z'))).toBe(2026); // 23:59:59 IST on 31 March
    expect(financialYearStart(new Date('2027-03-31T18:30:00Z'))).toBe(2027); // 00:00 IST on 1 April
  });

  it('fit 16 characters of [A-Za-z0-9/-]', () => {
    expect(documentNumber('MAS', 2026, 42)).toBe('MAS/2627/000042');
    fc.assert(
      fc.property(fc.constantFrom('MAS', 'CN', 'INV', 'MASC'), fc.integer({ min: 2000, max: 2098 }), fc.integer({ min: 1, max: 999_999 }), (p, fy, n) => {
        expect(documentNumber(p, fy, n)).toMatch(DOCUMENT_NUMBER);
      }),
    );
  });
});
