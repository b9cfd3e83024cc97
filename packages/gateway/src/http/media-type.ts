/** Media types as RFC 9110 defines them: type and subtype compared case-insensitively, parameters ignored; `application/jsonp` and other lookalikes are not JSON. */

function essence(value: string): string {
  const semi = value.indexOf(';');
  return (semi < 0 ? value : value.slice(0, semi)).trim().toLowerCase();
}

/** True when a Content-Type header says application/json (any case, any parameters). */
export function isJsonContentType(header: string | string[] | undefined): boolean {
  return typeof header === 'string' && essence(header) === 'application/json';
}

/** True when an Accept header admits application/json: `application/json`, `application/*` or `*\/*` among its ranges (any case, not with q=0). */
export function acceptsJson(header: string | string[] | undefined): boolean {
  if (header === undefined) return true;
  const text = Array.isArray(header) ? header.join(',') : header;
  for (const range of text.split(',')) {
    const e = essence(range);
    // A range with q=0 means "not acceptable".
    if (/;\s*q\s*=\s*0(?:\.0*)?\s*(?:;|$)/i.test(range)) continue;
    if (e === 'application/json' || e === 'application/*' || e === '*/*') return true;
  }
  return false;
}
