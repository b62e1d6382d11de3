// The MOU as a PDF (pdf-lib, A4, standard Helvetica): the template's body rendered as plain text
// paragraphs with the student's details filled in. Never interprets HTML.
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 50;
const SIZE = 11;
const LEADING = 15;
/** WinAnsi cannot draw other scripts; they print as '?' rather than break the PDF. */
const printable = (s: string) => s.replace(/[^\x20-\x7E\u00A0-\u00FF]/g, '?');

export async function renderAgreementPdf(title: string, paragraphs: string[], issuedAt: Date): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(printable(title));
  pdf.setCreationDate(issuedAt);
  pdf.setModificationDate(issuedAt);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const width = A4[0] - 2 * MARGIN;
  let page = pdf.addPage(A4);
  let y = A4[1] - MARGIN;
  const newLine = () => {
    y -= LEADING;
    if (y < MARGIN) {
      page = pdf.addPage(A4);
      y = A4[1] - MARGIN;
    }
  };
  for (const para of paragraphs) {
    let line = '';
    for (const word of printable(para).split(' ')) {
      const next = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(next, SIZE) > width && line) {
        page.drawText(line, { x: MARGIN, y, size: SIZE, font, color: rgb(0.1, 0.1, 0.1) });
        newLine();
        line = word;
      } else line = next;
    }
    if (line) page.drawText(line, { x: MARGIN, y, size: SIZE, font, color: rgb(0.1, 0.1, 0.1) });
    newLine();
    newLine();
  }
  return pdf.save();
}
