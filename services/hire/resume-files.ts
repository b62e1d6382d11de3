// What a resume upload must be before it is stored: a PDF or a DOCX by its declared type AND by
// its bytes, non-empty and under RESUME_MAX_BYTES. A renamed PNG, EXE or plain ZIP never reaches
// the bucket or the parser. Pure functions of the bytes.
import { DomainError } from '../../domain/errors.js';

export const RESUME_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;
export type ResumeKind = keyof typeof RESUME_TYPES;

/** RESUME_MAX_BYTES' default: 5 MiB. */
export const DEFAULT_RESUME_MAX_BYTES = 5 * 1024 * 1024;

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const ZIP_LOCAL_HEADER = 0x04034b50; // PK\x03\x04
const ZIP_END_OF_DIRECTORY = 0x06054b50;
const ZIP_DIRECTORY_ENTRY = 0x02014b50;
/** The end-of-directory record is 22 bytes plus a comment of at most 65,535. */
const ZIP_EOCD_MAX_SCAN = 22 + 0xffff;
/** A Word document's main part, the one entry every DOCX has. */
const DOCX_MAIN_PART = 'word/document.xml';

function kindOfDeclared(contentType: string): ResumeKind | null {
  const essence = contentType.split(';')[0]!.trim().toLowerCase();
  for (const [kind, type] of Object.entries(RESUME_TYPES) as [ResumeKind, string][]) if (essence === type) return kind;
  return null;
}

/**
 * The entry names in a ZIP's central directory, or null when the bytes are not a readable
 * single-disk ZIP (no end-of-directory record, offsets out of bounds, ZIP64).
 */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
  if (bytes.byteLength < 22) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.byteLength - 22; i >= Math.max(0, bytes.byteLength - ZIP_EOCD_MAX_SCAN); i--) {
    if (view.getUint32(i, true) === ZIP_END_OF_DIRECTORY) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = view.getUint16(eocd + 10, true);
  const size = view.getUint32(eocd + 12, true);
  const offset = view.getUint32(eocd + 16, true);
  // 0xFFFF / 0xFFFFFFFF mean ZIP64, which no resume needs.
  if (entries === 0xffff || size === 0xffffffff || offset === 0xffffffff || offset + size > eocd) return null;
  const names: string[] = [];
  const decoder = new TextDecoder('utf-8', { fatal: false });
  let p = offset;
  for (let n = 0; n < entries; n++) {
    if (p + 46 > offset + size || view.getUint32(p, true) !== ZIP_DIRECTORY_ENTRY) return null;
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    if (p + 46 + nameLength > offset + size) return null;
    names.push(decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength)));
    p += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/** What the bytes are, judged by their content alone. */
export function sniffResumeKind(bytes: Uint8Array): ResumeKind | null {
  if (bytes.byteLength >= PDF_MAGIC.length && PDF_MAGIC.every((b, i) => bytes[i] === b)) return 'pdf';
  if (bytes.byteLength >= 4 && new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0, true) === ZIP_LOCAL_HEADER) {
    return zipEntryNames(bytes)?.includes(DOCX_MAIN_PART) ? 'docx' : null;
  }
  return null;
}

export interface ResumeUpload {
  fileName: string;
  contentType: string;
  bytes: Uint8Array;
}

/** The kind of an acceptable resume; 400 empty, 413 too big, 415 wrong declared type or bytes that disagree. */
export function checkResumeFile(file: ResumeUpload, maxBytes: number = DEFAULT_RESUME_MAX_BYTES): ResumeKind {
  const field = (message: string) => [{ path: 'form.resume', message }];
  if (file.bytes.byteLength === 0) throw new DomainError('VALIDATION_FAILED', 'The resume file is empty', field('Empty file'));
  if (file.bytes.byteLength > maxBytes) throw new DomainError('PAYLOAD_TOO_LARGE', `The resume exceeds ${maxBytes} bytes`, field(`At most ${maxBytes} bytes`));
  const declared = kindOfDeclared(file.contentType);
  if (!declared) {
    throw new DomainError('UNSUPPORTED_MEDIA_TYPE', `A resume must be a PDF (${RESUME_TYPES.pdf}) or a Word document (${RESUME_TYPES.docx}), not ${file.contentType.slice(0, 100) || 'an untyped file'}`, field('PDF or DOCX only'));
  }
  const actual = sniffResumeKind(file.bytes);
  if (actual !== declared) {
    throw new DomainError('UNSUPPORTED_MEDIA_TYPE', `The file is declared ${declared.toUpperCase()} but its content is ${actual ? actual.toUpperCase() : 'neither a PDF nor a DOCX'}`, field('The content does not match the declared type'));
  }
  return declared;
}

/** A safe display name: no path, no control characters, at most 255 characters, extension kept. */
export function resumeFileName(raw: string, kind: ResumeKind): string {
  const base = (raw.split(/[\\/]/).pop() ?? '').replace(/\p{Cc}/gu, '').trim();
  const name = base || `resume.${kind}`;
  return name.length <= 255 ? name : `${name.slice(0, 250)}.${kind}`;
}
