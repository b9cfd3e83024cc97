/** A JSON source checked against its zod shape: the first issue becomes a located error at its JSON pointer. */
import type { z } from 'zod';
import { atPointer, parseJson } from './located.ts';

export function parseShape<T>(text: string, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(parseJson(text));
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw atPointer(
    issue.path.filter((p): p is string | number => typeof p !== 'symbol'),
    issue.message,
  );
}

/** An ISO 8601 time with a UTC offset, as the products' APIs write them. */
export const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;
