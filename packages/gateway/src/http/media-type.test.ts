import { describe, expect, it } from 'vitest';
import { acceptsJson, isJsonContentType } from './media-type.ts';

describe('media types', () => {
  it('Content-Type: application/json in any case, with parameters; lookalikes are not JSON', () => {
    for (const ct of ['application/json', 'APPLICATION/JSON', 'application/json; charset=utf-8', ' Application/Json ;x=y']) expect(isJsonContentType(ct)).toBe(true);
    for (const ct of [undefined, '', 'application/jsonp', 'application/json-seq', 'text/json', 'application/jsonx; charset=utf-8']) expect(isJsonContentType(ct)).toBe(false);
  });

  it('Accept: any range admitting JSON, in any case, unless q=0', () => {
    for (const a of [undefined, '*/*', 'APPLICATION/*', 'text/html, application/json;q=0.5', 'application/json, text/event-stream']) expect(acceptsJson(a)).toBe(true);
    for (const a of ['text/html', 'application/jsonp', 'application/json;q=0', 'application/json; q=0.0, text/plain']) expect(acceptsJson(a)).toBe(false);
  });
});
