// Real resume files made on the fly: a text PDF (pdf-lib), a DOCX (docx), a scanned-like PDF with
// only shapes, an encrypted PDF, and the impostors an upload check must refuse (a PNG, a plain
// ZIP, a Windows executable header). Small, so tests stay fast.
import { deflateRawSync } from 'node:zlib';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { PDFDocument, PDFHexString, StandardFonts, rgb } from 'pdf-lib';

export const PDF_TYPE = 'application/pdf';
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A one- or more-page PDF with a real text layer: each line drawn in Helvetica. */
export async function textPdf(lines: string[] = ['Asha Rao', 'Data Analyst, 3 years: SQL, Python, Power BI', 'asha@example.com'], pages = 1): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let p = 0; p < pages; p++) {
    const page = pdf.addPage([595, 842]);
    lines.forEach((line, i) => page.drawText(line, { x: 50, y: 780 - i * 18, size: 12, font }));
  }
  return pdf.save();
}

/** What a scanner makes: pages of pictures (here, filled shapes) and no text at all. */
export async function scannedPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([595, 842]);
  for (let i = 0; i < 12; i++) page.drawRectangle({ x: 50, y: 780 - i * 20, width: 300 + (i % 4) * 40, height: 10, color: rgb(0.15, 0.15, 0.15) });
  return pdf.save();
}

/** A PDF whose trailer names a Standard security handler with a user password: PDF.js needs a password to open it. */
export async function encryptedPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.addPage([300, 200]).drawText('Locked resume text that no one can read', { x: 10, y: 150, size: 10, font: await pdf.embedFont(StandardFonts.Helvetica) });
  const ctx = pdf.context;
  ctx.trailerInfo.Encrypt = ctx.register(ctx.obj({ Filter: 'Standard', V: 1, R: 2, Length: 40, P: -4, O: PDFHexString.of('11'.repeat(32)), U: PDFHexString.of('22'.repeat(32)) }));
  ctx.trailerInfo.ID = ctx.obj([PDFHexString.of('ab'.repeat(16)), PDFHexString.of('ab'.repeat(16))]);
  return pdf.save({ useObjectStreams: false });
}

export async function textDocx(paragraphs: string[] = ['Ravi Kumar', 'Backend engineer: Go, PostgreSQL, Temporal', 'ravi@example.com']): Promise<Uint8Array> {
  const doc = new Document({ sections: [{ children: paragraphs.map((p) => new Paragraph({ children: [new TextRun(p)] })) }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** A 1×1 PNG (signature, IHDR, IDAT, IEND): what a renamed screenshot looks like. */
export function png(): Uint8Array {
  return Uint8Array.from(
    Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg==', 'base64'),
  );
}

/** A DOS/PE executable's first bytes ("MZ" and the stub), padded. */
export function exe(): Uint8Array {
  const b = new Uint8Array(256);
  b.set(Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff', 'latin1'));
  b.set(Buffer.from('This program cannot be run in DOS mode.', 'latin1'), 78);
  return b;
}

/** A minimal, valid ZIP with the given entries (deflated), written by hand: local headers, central directory, end record. */
export function zip(entries: Record<string, string>): Uint8Array {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const nameBytes = Buffer.from(name, 'utf8');
    const raw = Buffer.from(content, 'utf8');
    const data = deflateRawSync(raw);
    const crc = crc32(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    locals.push(local, nameBytes, data);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(data.length, 20);
    dir.writeUInt32LE(raw.length, 24);
    dir.writeUInt16LE(nameBytes.length, 28);
    dir.writeUInt32LE(offset, 42);
    central.push(dir, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, dirBytes, end]));
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

/** A ZIP that is not a Word document (an archive of notes). */
export const plainZip = () => zip({ 'notes.txt': 'not a resume', 'photo.txt': 'still not a resume' });

/** A file of n bytes that starts like a PDF, for size limits. */
export function oversizePdf(n: number): Uint8Array {
  const b = new Uint8Array(n).fill(0x20);
  b.set(Buffer.from('%PDF-1.7\n', 'latin1'));
  return b;
}
