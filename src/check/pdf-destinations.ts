/** The named destinations of a pdfkit PDF (its /Dests name tree, written uncompressed), for comparing with the page's anchors. */
import { readFileSync } from 'node:fs';

export function pdfDestinations(path: string): Set<string> {
  const text = readFileSync(path).toString('latin1');
  const names = new Set<string>();
  const start = text.indexOf('/Dests <<');
  if (start === -1) return names;
  const list = text.indexOf('/Names [', start);
  const end = text.indexOf('>>', list);
  for (const match of text.slice(list, end).matchAll(/\(((?:[^()\\]|\\.)*)\)\s*\[/g)) names.add(match[1]!.replace(/\\(.)/g, '$1'));
  return names;
}
