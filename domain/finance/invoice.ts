// A GST tax invoice or credit note as a document: who supplies, who buys, where the supply is
// placed, and lines whose amounts add up to the totals exactly (integer paise throughout; the
// rounding rule is in gst.ts). The PDF, the e-invoice JSON and the finance lists all read this.
import { splitInclusive } from './gst.js';
import { checkGstin } from './gstin.js';

export interface SupplierDetails {
  legalName: string;
  gstin: string;
  address1: string;
  location: string;
  /** Six-digit PIN code. */
  pin: string;
  /** GST state code of the supplier's registration (the GSTIN's first two digits). */
  stateCode: string;
  email?: string;
}

export interface BillingAddress {
  line1: string;
  city: string;
  pin: string;
  /** GST state code, e.g. "27" (Maharashtra). */
  stateCode: string;
}

export interface BuyerDetails {
  name: string;
  email?: string | null;
  phone?: string | null;
  /** A checked GSTIN makes the supply B2B. */
  gstin?: string | null;
  address?: BillingAddress | null;
}

/** What is sold on one line, priced as the buyer sees it: amounts include GST. */
export interface PricedItem {
  description: string;
  sac: string;
  rateBp: number;
  /** The list price of the line, GST included (before any discount). */
  listGrossPaise: number;
  /** What is charged for the line, GST included (after the discount). */
  chargedGrossPaise: number;
}

export interface InvoiceLine {
  lineNumber: number;
  description: string;
  sac: string;
  quantity: 1;
  /** The list price before GST. */
  unitPricePaise: number;
  discountPaise: number;
  /** unitPrice − discount: the assessable value GST is charged on. */
  taxableValuePaise: number;
  rateBp: number;
  cgstPaise: number;
  sgstPaise: number;
  igstPaise: number;
  totalPaise: number;
}

export interface Totals {
  taxablePaise: number;
  cgstPaise: number;
  sgstPaise: number;
  igstPaise: number;
  totalPaise: number;
}

export type SupplyType = 'B2B' | 'B2C';

export interface InvoiceDocument {
  type: 'INV' | 'CRN';
  number: string;
  issuedAt: Date;
  supplier: SupplierDetails;
  buyer: BuyerDetails;
  placeOfSupplyCode: string;
  supplyType: SupplyType;
  lines: InvoiceLine[];
  totals: Totals;
  /** A credit note names the invoice it reverses. */
  reference?: { invoiceNumber: string; invoiceDate: Date };
}

/**
 * The place of supply: a B2B buyer's GSTIN state, else the state on the buyer's address,
 * else the supplier's own state (a B2C buyer with no address).
 */
export function placeOfSupply(supplier: Pick<SupplierDetails, 'stateCode'>, buyer: Pick<BuyerDetails, 'gstin' | 'address'>, profileStateCode?: string | null): string {
  if (buyer.gstin) {
    const g = checkGstin(buyer.gstin);
    if (g.ok) return g.stateCode;
  }
  return buyer.address?.stateCode ?? profileStateCode ?? supplier.stateCode;
}

/** Prices lines for a supply: taxes per line by the documented rule; the discount is shown pre-tax. */
export function priceLines(items: readonly PricedItem[], intraState: boolean): InvoiceLine[] {
  return items.map((item, i) => {
    const charged = splitInclusive(item.chargedGrossPaise, item.rateBp, intraState);
    const list = splitInclusive(Math.max(item.listGrossPaise, item.chargedGrossPaise), item.rateBp, intraState);
    // Rounding can make a one-paisa discount look negative before tax; never print one.
    const unitPricePaise = Math.max(list.taxablePaise, charged.taxablePaise);
    return {
      lineNumber: i + 1,
      description: item.description,
      sac: item.sac,
      quantity: 1,
      unitPricePaise,
      discountPaise: unitPricePaise - charged.taxablePaise,
      taxableValuePaise: charged.taxablePaise,
      rateBp: item.rateBp,
      cgstPaise: charged.cgstPaise,
      sgstPaise: charged.sgstPaise,
      igstPaise: charged.igstPaise,
      totalPaise: charged.totalPaise,
    };
  });
}

export function totalsOf(lines: readonly Pick<InvoiceLine, 'taxableValuePaise' | 'cgstPaise' | 'sgstPaise' | 'igstPaise' | 'totalPaise'>[]): Totals {
  const sum = (k: 'taxableValuePaise' | 'cgstPaise' | 'sgstPaise' | 'igstPaise' | 'totalPaise') => lines.reduce((s, l) => s + l[k], 0);
  return { taxablePaise: sum('taxableValuePaise'), cgstPaise: sum('cgstPaise'), sgstPaise: sum('sgstPaise'), igstPaise: sum('igstPaise'), totalPaise: sum('totalPaise') };
}

/** "1,23,456.78": Indian digit grouping, for printed amounts. */
export function formatRupees(paise: number): string {
  const neg = paise < 0;
  const abs = Math.abs(paise);
  const rupees = String(Math.floor(abs / 100));
  const last3 = rupees.slice(-3);
  const rest = rupees.slice(0, -3).replace(/\B(?=(\d{2})+(?!\d))/g, ',');
  return `${neg ? '-' : ''}${rest ? `${rest},` : ''}${last3}.${String(abs % 100).padStart(2, '0')}`;
}

/** dd/mm/yyyy in India time, as GST documents print dates. */
export function istDate(at: Date): string {
  const ist = new Date(at.getTime() + 5.5 * 3_600_000);
  return `${String(ist.getUTCDate()).padStart(2, '0')}/${String(ist.getUTCMonth() + 1).padStart(2, '0')}/${ist.getUTCFullYear()}`;
}

/** "2026-27": the financial-year label stored on payments and credit notes. */
export const financialYearLabel = (startYear: number) => `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`;
