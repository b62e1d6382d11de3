// The printed tax invoice or credit note, drawn with pdf-lib (A4, the standard Helvetica fonts,
// so "Rs." rather than the rupee sign, which WinAnsi cannot encode). Deterministic for a given
// document apart from the PDF's own creation date, which is set to the document's issue time.
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { formatRupees, istDate, type InvoiceDocument } from '../../domain/finance/invoice.js';

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 40;
/** Strips what WinAnsi cannot draw, so a buyer's name in another script never breaks the PDF. */
const printable = (s: string) => s.replace(/[^\x20-\x7E\u00A0-\u00FF]/g, '?');

export async function renderInvoicePdf(doc: InvoiceDocument): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`${doc.type === 'INV' ? 'Tax invoice' : 'Credit note'} ${doc.number}`);
  pdf.setAuthor(doc.supplier.legalName);
  pdf.setCreationDate(doc.issuedAt);
  pdf.setModificationDate(doc.issuedAt);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  let page = pdf.addPage(A4);
  let y = A4[1] - MARGIN;

  const text = (p: PDFPage, s: string, x: number, at: number, opts: { font?: PDFFont; size?: number; right?: boolean } = {}) => {
    const font = opts.font ?? regular;
    const size = opts.size ?? 9;
    const str = printable(s);
    p.drawText(str, { x: opts.right ? x - font.widthOfTextAtSize(str, size) : x, y: at, size, font, color: rgb(0.1, 0.1, 0.1) });
  };
  const line = (at: number) => page.drawLine({ start: { x: MARGIN, y: at }, end: { x: A4[0] - MARGIN, y: at }, thickness: 0.5, color: rgb(0.6, 0.6, 0.6) });

  text(page, doc.type === 'INV' ? 'TAX INVOICE' : 'CREDIT NOTE', MARGIN, y, { font: bold, size: 16 });
  text(page, doc.supplyType === 'B2B' ? 'B2B' : 'B2C', A4[0] - MARGIN, y, { font: bold, size: 10, right: true });
  y -= 24;
  const s = doc.supplier;
  for (const [i, l] of [s.legalName, s.address1, `${s.location} ${s.pin}`, `GSTIN ${s.gstin} · State code ${s.stateCode}`].entries()) {
    text(page, l, MARGIN, y, i === 0 ? { font: bold, size: 10 } : {});
    y -= 12;
  }
  const meta: [string, string][] = [
    [doc.type === 'INV' ? 'Invoice no.' : 'Credit note no.', doc.number],
    ['Date', istDate(doc.issuedAt)],
    ['Place of supply', doc.placeOfSupplyCode],
    ...(doc.reference ? ([['Against invoice', `${doc.reference.invoiceNumber} of ${istDate(doc.reference.invoiceDate)}`]] as [string, string][]) : []),
  ];
  let my = A4[1] - MARGIN - 24;
  for (const [k, v] of meta) {
    text(page, k, 360, my, { font: bold });
    text(page, v, A4[0] - MARGIN, my, { right: true });
    my -= 12;
  }
  y = Math.min(y, my) - 10;
  line(y);
  y -= 16;
  text(page, 'Bill to', MARGIN, y, { font: bold });
  y -= 12;
  const b = doc.buyer;
  const buyerLines = [b.name, ...(b.address ? [b.address.line1, `${b.address.city} ${b.address.pin} · State code ${b.address.stateCode}`] : []), ...(b.gstin ? [`GSTIN ${b.gstin}`] : []), ...(b.email ? [b.email] : [])];
  for (const l of buyerLines) {
    text(page, l, MARGIN, y);
    y -= 12;
  }
  y -= 8;
  line(y);
  y -= 14;
  const cols = { no: MARGIN, desc: MARGIN + 20, sac: 260, price: 340, disc: 400, taxable: 460, tax: 515, total: A4[0] - MARGIN };
  const head: [keyof typeof cols, string, boolean][] = [
    ['no', '#', false],
    ['desc', 'Description', false],
    ['sac', 'SAC', false],
    ['price', 'Price', true],
    ['disc', 'Discount', true],
    ['taxable', 'Taxable', true],
    ['tax', 'GST', true],
    ['total', 'Total', true],
  ];
  for (const [c, label, right] of head) text(page, label, cols[c], y, { font: bold, right });
  y -= 14;
  for (const l of doc.lines) {
    if (y < MARGIN + 120) {
      page = pdf.addPage(A4);
      y = A4[1] - MARGIN;
    }
    text(page, String(l.lineNumber), cols.no, y);
    text(page, l.description.slice(0, 44), cols.desc, y);
    text(page, l.sac, cols.sac, y);
    text(page, formatRupees(l.unitPricePaise), cols.price, y, { right: true });
    text(page, formatRupees(l.discountPaise), cols.disc, y, { right: true });
    text(page, formatRupees(l.taxableValuePaise), cols.taxable, y, { right: true });
    text(page, `${l.rateBp / 100}%`, cols.tax, y, { right: true });
    text(page, formatRupees(l.totalPaise), cols.total, y, { right: true });
    y -= 14;
  }
  line(y + 4);
  y -= 10;
  const t = doc.totals;
  const sums: [string, number][] = [
    ['Taxable value', t.taxablePaise],
    ...(t.igstPaise > 0 || (t.cgstPaise === 0 && t.sgstPaise === 0)
      ? ([['IGST', t.igstPaise]] as [string, number][])
      : ([
          ['CGST', t.cgstPaise],
          ['SGST', t.sgstPaise],
        ] as [string, number][])),
  ];
  for (const [k, v] of sums) {
    text(page, k, 380, y);
    text(page, `Rs. ${formatRupees(v)}`, A4[0] - MARGIN, y, { right: true });
    y -= 13;
  }
  text(page, doc.type === 'INV' ? 'Total' : 'Total credited', 380, y, { font: bold, size: 11 });
  text(page, `Rs. ${formatRupees(t.totalPaise)}`, A4[0] - MARGIN, y, { font: bold, size: 11, right: true });
  y -= 30;
  text(page, 'Amounts in Indian rupees. Tax is rounded per line to the paisa, half up.', MARGIN, y, { size: 8 });
  text(page, 'This is a computer-generated document and needs no signature.', MARGIN, y - 11, { size: 8 });
  return pdf.save();
}
