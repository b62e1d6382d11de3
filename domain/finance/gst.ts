// GST on a supply, in integer paise. Intra-state (the supplier's and the place of supply's
// state codes match): CGST + SGST, each half the rate; inter-state: IGST at the full rate.
//
// The rounding rule: each tax line is rounded half up to a whole paisa on its own (for CGST and
// SGST, each at half the rate), and the invoice total is the taxable value plus the rounded
// lines, so the lines always add up to the total exactly, CGST always equals SGST, and no line
// is more than half a paisa from its exact value. For a price that includes GST (a quoted fee),
// the taxes are worked out on the implied taxable value and the taxable value is then the gross
// minus the taxes, so taxable + taxes = the quoted price to the paisa.

/** Coaching and training services (SAC 999293) at 18%. */
export const COACHING_SAC = '999293';
export const COACHING_RATE_BP = 1800;
/** Token packs are online content (SAC 998439), at 18% too; rates always come from hsn_sac_master. */
export const TOKEN_PACK_SAC = '998439';

export interface TaxSplit {
  taxablePaise: number;
  /** In basis points (1800 = 18%). */
  rateBp: number;
  intraState: boolean;
  cgstPaise: number;
  sgstPaise: number;
  igstPaise: number;
  totalPaise: number;
}

/** Half up, for non-negative numerator / positive denominator in integers. */
function roundDiv(numerator: number, denominator: number): number {
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

/** ₹10,000 crore: far above any invoice, and low enough that paise × basis points stays an exact integer. */
export const MAX_INVOICE_PAISE = 1e12;

function assertPaise(n: number, name: string) {
  if (!Number.isSafeInteger(n) || n < 0 || n > MAX_INVOICE_PAISE) throw new RangeError(`${name} must be a whole number of paise from 0 to ${MAX_INVOICE_PAISE}`);
}

function assertRate(rateBp: number) {
  if (!Number.isInteger(rateBp) || rateBp < 0 || rateBp > 10_000 || rateBp % 2 !== 0) throw new RangeError('rateBp must be an even whole number of basis points, 0 to 10000');
}

export const isIntraState = (supplierStateCode: string, placeOfSupplyStateCode: string) => supplierStateCode === placeOfSupplyStateCode;

/** Tax on a taxable value (the price before GST). */
export function taxOnTaxable(taxablePaise: number, rateBp: number, intraState: boolean): TaxSplit {
  assertPaise(taxablePaise, 'taxablePaise');
  assertRate(rateBp);
  if (intraState) {
    const half = roundDiv(taxablePaise * (rateBp / 2), 10_000);
    return { taxablePaise, rateBp, intraState, cgstPaise: half, sgstPaise: half, igstPaise: 0, totalPaise: taxablePaise + 2 * half };
  }
  const igst = roundDiv(taxablePaise * rateBp, 10_000);
  return { taxablePaise, rateBp, intraState, cgstPaise: 0, sgstPaise: 0, igstPaise: igst, totalPaise: taxablePaise + igst };
}

/** A price that includes GST, split into its taxable value and tax lines that add up to it exactly. */
export function splitInclusive(grossPaise: number, rateBp: number, intraState: boolean): TaxSplit {
  assertPaise(grossPaise, 'grossPaise');
  assertRate(rateBp);
  const implied = roundDiv(grossPaise * 10_000, 10_000 + rateBp);
  const est = taxOnTaxable(implied, rateBp, intraState);
  const tax = est.cgstPaise + est.sgstPaise + est.igstPaise;
  return { ...est, taxablePaise: grossPaise - tax, totalPaise: grossPaise };
}
