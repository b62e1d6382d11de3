// Reads a PDF's text back (unpdf): from a presigned URL, as the api's callers download it.
import { extractText, getDocumentProxy } from 'unpdf';
import { expect } from 'vitest';

export async function pdfBytesText(bytes: Uint8Array): Promise<string> {
  const pdf = await getDocumentProxy(bytes, { verbosity: 0 });
  try {
    return (await extractText(pdf, { mergePages: true })).text;
  } finally {
    await pdf.destroy();
  }
}

export async function pdfText(url: string): Promise<string> {
  const res = await fetch(url);
  expect(res.status).toBe(200);
  return pdfBytesText(new Uint8Array(await res.arrayBuffer()));
}
