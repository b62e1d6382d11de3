// The text of a stored resume, for the pipeline's parse step: unpdf (PDF.js) for PDFs, mammoth
// for DOCX. A pure function of the bytes that never throws: a scanned PDF (no text layer) or a
// corrupt or encrypted file ends in an outcome a recruiter can act on, not in a crash.
import mammoth from 'mammoth';
import { extractText, getDocumentProxy } from 'unpdf';
import type { ResumeKind } from './resume-files.js';

/** Enough for any real resume (about 15 pages of dense text); beyond it is noise for the LLM. */
export const RESUME_TEXT_MAX_CHARS = 60_000;
/** Fewer non-blank characters than this is no usable text (a scan, an image-only page). */
export const MIN_RESUME_TEXT_CHARS = 20;

export type ResumeTextOutcome = 'ok' | 'no_text_layer' | 'unreadable';

export interface ResumeText {
  /** Normalised text, at most RESUME_TEXT_MAX_CHARS; '' when unreadable. */
  text: string;
  /** PDFs only. */
  pageCount?: number;
  outcome: ResumeTextOutcome;
  /** The text was longer than RESUME_TEXT_MAX_CHARS and was cut. */
  truncated: boolean;
}

/** One space between words, at most one blank line between paragraphs, no control characters. */
export function normalizeResumeText(raw: string): string {
  return raw
    .replace(/\r\n?/g, '\n')
    // Control characters other than tab and newline, soft hyphens, zero-width spaces, BOMs.
    .replace(/[^\P{Cc}\n\t]|[\u00ad\u200b\ufeff]/gu, '')
    .replace(/[\t\u00a0\u2000-\u200a\u202f\u205f\u3000 ]+/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

async function rawPdfText(bytes: Uint8Array): Promise<{ text: string; pageCount: number }> {
  // A copy: PDF.js may take over (detach) the buffer it is given, and the caller keeps its bytes.
  const pdf = await getDocumentProxy(bytes.slice(), { verbosity: 0, stopAtErrors: false });
  try {
    const { text, totalPages } = await extractText(pdf, { mergePages: true });
    return { text, pageCount: totalPages };
  } finally {
    await pdf.destroy().catch(() => undefined);
  }
}

async function rawDocxText(bytes: Uint8Array): Promise<string> {
  const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
  return result.value;
}

export async function extractResumeText(bytes: Uint8Array, kind: ResumeKind): Promise<ResumeText> {
  let raw: string;
  let pageCount: number | undefined;
  try {
    if (kind === 'pdf') ({ text: raw, pageCount } = await rawPdfText(bytes));
    else raw = await rawDocxText(bytes);
  } catch {
    // Corrupt structure, a password, an unsupported feature: PDF.js and mammoth throw; nothing to read.
    return { text: '', outcome: 'unreadable', truncated: false, ...(pageCount === undefined ? {} : { pageCount }) };
  }
  const normalized = normalizeResumeText(raw);
  const truncated = normalized.length > RESUME_TEXT_MAX_CHARS;
  // Never cut between the two halves of a surrogate pair (an emoji, some scripts).
  const text = truncated ? normalized.slice(0, RESUME_TEXT_MAX_CHARS).replace(/[\ud800-\udbff]$/, '') : normalized;
  const outcome: ResumeTextOutcome = text.replace(/\s/g, '').length < MIN_RESUME_TEXT_CHARS ? 'no_text_layer' : 'ok';
  return { text, outcome, truncated, ...(pageCount === undefined ? {} : { pageCount }) };
}
