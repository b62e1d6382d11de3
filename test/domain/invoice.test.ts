// Invoice documents: priced lines add up to what the buyer pays, the discount shows before tax,
// the place of supply follows GSTIN → address → supplier, and the e-invoice export validates
// against a JSON schema written from the INV-01 field list (test/fixtures/einvoice-inv01.schema.json).
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toEInvoice } from '../../domain/finance/e-invoice.js';
import { COACHING_RATE_BP, COACHING_SAC } from '../../domain/finance/gst.js';
import { formatRupees, istDate, placeOfSupply, priceLines, totalsOf, type InvoiceDocument } from '../../domain/finance/invoice.js';
import { DEV_SUPPLIER } from '../../infra/env.js';

const ajv = new Ajv({ allErrors: true, strict: false, multipleOfPrecision: 6, formats: { email: /^[^\s@]+@[^\s@]+\.[^\s@]+$/ } });
const validate = ajv.compile(JSON.parse(readFileSync('test/fixtures/einvoice-inv01.schema.json', 'utf8')) as object);
const price = fc.integer({ min: 100, max: 10_000_000_00 });

function doc(listGross: number, charged: number, buyerState: string, type: 'INV' | 'CRN' = 'INV'): InvoiceDocument {
  const lines = priceLines([{ description: 'Program fee: MAS101', sac: COACHING_SAC, rateBp: COACHING_RATE_BP, listGrossPaise: listGross, chargedGrossPaise: charged }], buyerState === DEV_SUPPLIER.stateCode);
  return {
    type,
    number: type === 'INV' ? 'MAS/2627/000042' : 'CN/2627/000007',
    issuedAt: new Date('2026-12-01T20:00:00Z'),
    supplier: DEV_SUPPLIER,
    buyer: { name: 'Acme Analytics Pvt Ltd', email: 'accounts@acme.test', phone: '+91 98123 45678', gstin: `${buyerState}AAACB2894G1Z`, address: { line1: '4 Marine Drive', city: 'Mumbai', pin: '400020', stateCode: buyerState } },
    placeOfSupplyCode: buyerState,
    supplyType: 'B2B',
    lines,
    totals: totalsOf(lines),
    ...(type === 'CRN' ? { reference: { invoiceNumber: 'MAS/2627/000042', invoiceDate: new Date('2026-11-30T10:00:00Z') } } : {}),
  };
}

describe('priced invoice lines', () => {
  it('charge exactly the price, show a non-negative discount, and split by state', () => {
    fc.assert(
      fc.property(price, fc.integer({ min: 0, max: 100 }), fc.boolean(), (list, pct, intra) => {
        const charged = Math.max(100, Math.floor((list * (100 - pct)) / 100));
        const [line] = priceLines([{ description: 'x', sac: COACHING_SAC, rateBp: COACHING_RATE_BP, listGrossPaise: list, chargedGrossPaise: charged }], intra);
        expect(line!.totalPaise).toBe(charged);
        expect(line!.taxableValuePaise + line!.cgstPaise + line!.sgstPaise + line!.igstPaise).toBe(charged);
        expect(line!.discountPaise).toBeGreaterThanOrEqual(0);
        expect(line!.unitPricePaise - line!.discountPaise).toBe(line!.taxableValuePaise);
        if (intra) expect([line!.cgstPaise === line!.sgstPaise, line!.igstPaise]).toEqual([true, 0]);
        else expect(line!.cgstPaise + line!.sgstPaise).toBe(0);
      }),
    );
  });

  it('totals add the lines', () => {
    const lines = priceLines(
      [
        { description: 'a', sac: COACHING_SAC, rateBp: 1800, listGrossPaise: 4_999_900, chargedGrossPaise: 4_499_900 },
        { description: 'b', sac: COACHING_SAC, rateBp: 1800, listGrossPaise: 49_900, chargedGrossPaise: 49_900 },
      ],
      true,
    );
    expect(totalsOf(lines).totalPaise).toBe(4_549_800);
  });

  it('place of supply: the GSTIN’s state, else the address’s, else the profile’s, else the supplier’s', () => {
    expect(placeOfSupply(DEV_SUPPLIER, { gstin: '27AAACB2894G1ZN', address: { line1: 'x', city: 'Delhi', pin: '110001', stateCode: '07' } })).toBe('27');
    expect(placeOfSupply(DEV_SUPPLIER, { address: { line1: 'x', city: 'Delhi', pin: '110001', stateCode: '07' } })).toBe('07');
    expect(placeOfSupply(DEV_SUPPLIER, {}, '33')).toBe('33');
    expect(placeOfSupply(DEV_SUPPLIER, {})).toBe('29');
  });

  it('prints rupees with Indian grouping and dates in IST', () => {
    expect(formatRupees(1_234_567_89)).toBe('12,34,567.89');
    expect(formatRupees(5)).toBe('0.05');
    expect(istDate(new Date('2026-03-31T19:00:00Z'))).toBe('01/04/2026');
  });
});

describe('e-invoice (INV-01)', () => {
  it('an inter-state B2B invoice validates against the schema and its values add up', () => {
    const d = doc(4_999_900, 4_499_900, '27');
    d.buyer.gstin = '27AAACB2894G1ZN';
    const e = toEInvoice(d);
    expect(validate(e), JSON.stringify(validate.errors)).toBe(true);
    expect(e.ValDtls).toMatchObject({ CgstVal: 0, SgstVal: 0, TotInvVal: 44_999 });
    expect(e.ValDtls.AssVal + e.ValDtls.IgstVal).toBeCloseTo(44_999, 2);
    expect(e.ItemList[0]).toMatchObject({ HsnCd: '999293', GstRt: 18, IsServc: 'Y' });
    expect(e.ItemList[0]!.TotAmt - e.ItemList[0]!.Discount).toBeCloseTo(e.ItemList[0]!.AssAmt, 2);
  });

  it('an intra-state credit note names its invoice and validates too', () => {
    const d = doc(4_999_900, 4_999_900, '29', 'CRN');
    d.buyer.gstin = '29AAHCM4821K1Z5';
    const e = toEInvoice(d);
    expect(validate(e), JSON.stringify(validate.errors)).toBe(true);
    expect(e.DocDtls).toMatchObject({ Typ: 'CRN', No: 'CN/2627/000007' });
    expect(e.RefDtls?.PrecDocDtls[0]).toEqual({ InvNo: 'MAS/2627/000042', InvDt: '30/11/2026' });
    expect(e.ValDtls.CgstVal).toBe(e.ValDtls.SgstVal);
  });

  it('the schema refuses what an IRP would (a 17-character number, a bad GSTIN)', () => {
    const d = doc(100_000, 100_000, '27');
    d.buyer.gstin = '27AAACB2894G1ZN';
    const e = toEInvoice(d);
    expect(validate({ ...e, DocDtls: { ...e.DocDtls, No: 'MAS/2627/00000042' } })).toBe(false);
    expect(validate({ ...e, BuyerDtls: { ...e.BuyerDtls, Gstin: '27AAACB2894G1Z' } })).toBe(false);
  });

  it('refuses a B2C document', () => {
    const d = { ...doc(100_000, 100_000, '29'), supplyType: 'B2C' as const };
    d.buyer = { name: 'Student' };
    expect(() => toEInvoice(d)).toThrow(/B2C/);
  });
});
