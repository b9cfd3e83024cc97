/** The files of a built site, and their searchable text: PDFs with every Flate stream inflated, plus pdftotext's text when poppler is installed. */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';

/** Every file under `dir`, relative with "/", sorted. */
export function siteFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((path) => statSync(join(dir, path)).isFile())
    .map((path) => path.split('\\').join('/'))
    .sort();
}

/** A file's bytes as latin1 text, and for a PDF also its inflated streams (page text, embedded files) and extracted text. */
export function searchableText(path: string): string {
  const bytes = readFileSync(path);
  const raw = bytes.toString('latin1');
  if (!path.endsWith('.pdf')) return bytes.toString('utf8');
  const parts = [raw];
  for (let start = raw.indexOf('stream'); start !== -1; start = raw.indexOf('stream', start + 6)) {
    const begin = raw[start + 6] === '\r' ? start + 8 : start + 7;
    const end = raw.indexOf('endstream', begin);
    if (end === -1) break;
    try {
      parts.push(inflateSync(bytes.subarray(begin, end)).toString('utf8'));
    } catch {
      // not Flate-compressed (an image, or a stream already in the raw text)
    }
    start = end;
  }
  const text = spawnSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
  if (text.status === 0) parts.push(text.stdout);
  return parts.join('\n');
}

/** 1-based line and column of an offset in text. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}
