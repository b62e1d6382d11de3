// Resume checks and text extraction on real generated files: the magic-byte check tells a PDF and
// a DOCX from impostors, and extraction ends in ok, no_text_layer or unreadable, never a throw.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../domain/errors.js';
import { checkResumeFile, resumeFileName, sniffResumeKind, zipEntryNames } from '../../services/hire/resume-files.js';
import { extractResumeText, normalizeResumeText, RESUME_TEXT_MAX_CHARS } from '../../services/hire/resume-text.js';
import { DOCX_TYPE, encryptedPdf, exe, PDF_TYPE, plainZip, png, scannedPdf, textDocx, textPdf, zip } from '../support/resume-fixtures.js';

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    if (err instanceof DomainError) return err.code;
    throw err;
  }
  return 'accepted';
};

describe('resume file checks', () => {
  it('knows a PDF and a DOCX by their bytes, and nothing else', async () => {
    expect(sniffResumeKind(await textPdf())).toBe('pdf');
    expect(sniffResumeKind(await textDocx())).toBe('docx');
    expect(sniffResumeKind(png())).toBeNull();
    expect(sniffResumeKind(exe())).toBeNull();
    expect(sniffResumeKind(plainZip())).toBeNull();
    expect(sniffResumeKind(zip({ 'word/document.xml': '<w:document/>' }))).toBe('docx');
    expect(sniffResumeKind(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toBeNull();
  });

  it('reads the central directory of a real DOCX, and refuses a truncated one', async () => {
    const docx = await textDocx();
    expect(zipEntryNames(docx)).toEqual(expect.arrayContaining(['word/document.xml', '[Content_Types].xml']));
    expect(zipEntryNames(docx.subarray(0, docx.length - 30))).toBeNull();
  });

  it('maps each refusal to its status: empty 400, too big 413, wrong declared type or mismatched bytes 415', async () => {
    const pdf = await textPdf();
    const file = (bytes: Uint8Array, contentType = PDF_TYPE) => ({ fileName: 'cv.pdf', contentType, bytes });
    expect(checkResumeFile(file(pdf))).toBe('pdf');
    expect(checkResumeFile(file(await textDocx(), `${DOCX_TYPE}; charset=binary`))).toBe('docx');
    expect(refusal(() => checkResumeFile(file(new Uint8Array(0))))).toBe('VALIDATION_FAILED');
    expect(refusal(() => checkResumeFile(file(pdf), pdf.length - 1))).toBe('PAYLOAD_TOO_LARGE');
    expect(refusal(() => checkResumeFile(file(pdf, 'image/png')))).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(refusal(() => checkResumeFile(file(png())))).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(refusal(() => checkResumeFile(file(pdf, DOCX_TYPE)))).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(refusal(() => checkResumeFile(file(plainZip(), DOCX_TYPE)))).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(refusal(() => checkResumeFile(file(exe(), DOCX_TYPE)))).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('keeps only a safe base name', () => {
    expect(resumeFileName('C:\\Users\\asha\\CV final.pdf', 'pdf')).toBe('CV final.pdf');
    expect(resumeFileName('../../etc/passwd\u0000', 'pdf')).toBe('passwd');
    expect(resumeFileName('', 'docx')).toBe('resume.docx');
    expect(resumeFileName(`${'x'.repeat(400)}.pdf`, 'pdf')).toHaveLength(254);
  });
});

describe('extractResumeText', () => {
  it('extracts a text PDF, with its page count', async () => {
    const out = await extractResumeText(await textPdf(['Asha Rao', 'Data Analyst: SQL, Python'], 2), 'pdf');
    expect(out.outcome).toBe('ok');
    expect(out.pageCount).toBe(2);
    expect(out.text).toContain('Asha Rao');
    expect(out.text).toContain('Data Analyst: SQL, Python');
  });

  it('extracts a DOCX', async () => {
    const out = await extractResumeText(await textDocx(['Ravi Kumar', 'Backend engineer: Go,   PostgreSQL']), 'docx');
    expect(out).toEqual({ text: 'Ravi Kumar\n\nBackend engineer: Go, PostgreSQL', outcome: 'ok', truncated: false });
  });

  it('answers no_text_layer for a scanned PDF and for a document with almost no text', async () => {
    expect(await extractResumeText(await scannedPdf(), 'pdf')).toEqual({ text: '', pageCount: 1, outcome: 'no_text_layer', truncated: false });
    expect((await extractResumeText(await textPdf(['CV']), 'pdf')).outcome).toBe('no_text_layer');
    expect((await extractResumeText(await textDocx(['   ']), 'docx')).outcome).toBe('no_text_layer');
  });

  it('answers unreadable for corrupt, encrypted or mislabelled bytes instead of throwing', async () => {
    const pdf = await textPdf();
    expect((await extractResumeText(pdf.subarray(0, 40), 'pdf')).outcome).toBe('unreadable');
    expect((await extractResumeText(await encryptedPdf(), 'pdf')).outcome).toBe('unreadable');
    expect((await extractResumeText(plainZip(), 'docx')).outcome).toBe('unreadable');
    expect((await extractResumeText(pdf, 'docx')).outcome).toBe('unreadable');
  });

  it('reads the README’s sample resume (docs/samples/resume.pdf)', async () => {
    const sample = new Uint8Array(readFileSync('docs/samples/resume.pdf'));
    expect(checkResumeFile({ fileName: 'resume.pdf', contentType: PDF_TYPE, bytes: sample })).toBe('pdf');
    const out = await extractResumeText(sample, 'pdf');
    expect(out.outcome).toBe('ok');
    expect(out.text).toMatch(/Asha Rao[\s\S]*SQL \(PostgreSQL, BigQuery\)/);
  });

  it('leaves the caller’s bytes intact (PDF.js gets a copy)', async () => {
    const pdf = await textPdf();
    const before = Buffer.from(pdf).toString('hex');
    await extractResumeText(pdf, 'pdf');
    expect(pdf.byteLength).toBeGreaterThan(0);
    expect(Buffer.from(pdf).toString('hex')).toBe(before);
  });

  it('caps the text and normalises whitespace', async () => {
    const line = 'SQL Python Excel Tableau '.repeat(4);
    const out = await extractResumeText(await textDocx(Array.from({ length: 800 }, () => line)), 'docx');
    expect(out.truncated).toBe(true);
    expect(out.text).toHaveLength(RESUME_TEXT_MAX_CHARS);
    expect(normalizeResumeText(' a\t\u00a0b \r\n\r\n\r\n\r\nc\u0000 ')).toBe('a b\n\nc');
  });
});
