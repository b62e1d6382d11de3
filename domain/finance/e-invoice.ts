// The government's e-invoice JSON (schema INV-01, version 1.1) for a B2B invoice or credit note,
// ready to send to an IRP. Amounts are rupees with two decimals at this edge only; inside, paise.
// Field facts: ../shared/PROVIDERS.md ("GST e-invoice").
import { DomainError } from '../errors.js';
import { checkGstin } from './gstin.js';
import { istDate, type InvoiceDocument } from './invoice.js';

const rupees = (paise: number) => Math.round(paise) / 100;
const pin = (s: string) => Number(s);

export interface EInvoice {
  Version: '1.1';
  TranDtls: { TaxSch: 'GST'; SupTyp: 'B2B'; RegRev: 'N'; IgstOnIntra: 'N' };
  DocDtls: { Typ: 'INV' | 'CRN'; No: string; Dt: string };
  SellerDtls: { Gstin: string; LglNm: string; Addr1: string; Loc: string; Pin: number; Stcd: string; Em?: string };
  BuyerDtls: { Gstin: string; LglNm: string; Pos: string; Addr1: string; Loc: string; Pin: number; Stcd: string; Em?: string; Ph?: string };
  ItemList: {
    SlNo: string;
    PrdDesc: string;
    IsServc: 'Y';
    HsnCd: string;
    Qty: number;
    Unit: 'OTH';
    UnitPrice: number;
    TotAmt: number;
    Discount: number;
    AssAmt: number;
    GstRt: number;
    IgstAmt: number;
    CgstAmt: number;
    SgstAmt: number;
    TotItemVal: number;
  }[];
  ValDtls: { AssVal: number; CgstVal: number; SgstVal: number; IgstVal: number; TotInvVal: number };
  RefDtls?: { PrecDocDtls: { InvNo: string; InvDt: string }[] };
}

/** Refuses a B2C document (no buyer GSTIN) and a buyer without a full address: the IRP would too. */
export function toEInvoice(doc: InvoiceDocument): EInvoice {
  const gstin = doc.buyer.gstin ? checkGstin(doc.buyer.gstin) : null;
  if (doc.supplyType !== 'B2B' || !gstin?.ok) throw new DomainError('CONFLICT', `${doc.number} is a B2C document: e-invoices are for buyers with a GSTIN`);
  const address = doc.buyer.address;
  if (!address) throw new DomainError('UNPROCESSABLE', `${doc.number} has no buyer address; an e-invoice needs one`);
  const s = doc.supplier;
  return {
    Version: '1.1',
    TranDtls: { TaxSch: 'GST', SupTyp: 'B2B', RegRev: 'N', IgstOnIntra: 'N' },
    DocDtls: { Typ: doc.type, No: doc.number, Dt: istDate(doc.issuedAt) },
    SellerDtls: { Gstin: s.gstin, LglNm: s.legalName, Addr1: s.address1, Loc: s.location, Pin: pin(s.pin), Stcd: s.stateCode, ...(s.email ? { Em: s.email } : {}) },
    BuyerDtls: {
      Gstin: gstin.gstin,
      LglNm: doc.buyer.name,
      Pos: doc.placeOfSupplyCode,
      Addr1: address.line1,
      Loc: address.city,
      Pin: pin(address.pin),
      Stcd: gstin.stateCode,
      ...(doc.buyer.email ? { Em: doc.buyer.email } : {}),
      ...(doc.buyer.phone ? { Ph: doc.buyer.phone.replace(/\D/g, '').slice(-12) } : {}),
    },
    ItemList: doc.lines.map((l) => ({
      SlNo: String(l.lineNumber),
      PrdDesc: l.description,
      IsServc: 'Y',
      HsnCd: l.sac,
      Qty: l.quantity,
      Unit: 'OTH',
      UnitPrice: rupees(l.unitPricePaise),
      TotAmt: rupees(l.unitPricePaise * l.quantity),
      Discount: rupees(l.discountPaise),
      AssAmt: rupees(l.taxableValuePaise),
      GstRt: l.rateBp / 100,
      IgstAmt: rupees(l.igstPaise),
      CgstAmt: rupees(l.cgstPaise),
      SgstAmt: rupees(l.sgstPaise),
      TotItemVal: rupees(l.totalPaise),
    })),
    ValDtls: {
      AssVal: rupees(doc.totals.taxablePaise),
      CgstVal: rupees(doc.totals.cgstPaise),
      SgstVal: rupees(doc.totals.sgstPaise),
      IgstVal: rupees(doc.totals.igstPaise),
      TotInvVal: rupees(doc.totals.totalPaise),
    },
    ...(doc.type === 'CRN' && doc.reference ? { RefDtls: { PrecDocDtls: [{ InvNo: doc.reference.invoiceNumber, InvDt: istDate(doc.reference.invoiceDate) }] } } : {}),
  };
}
