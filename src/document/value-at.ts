/** Finds policy values by dotted path for prose citations; how they read is src/model/units.ts. */
/** The value at a dotted path like "uptime.target_percent"; a wrong path fails the build instead of printing nothing. */
export function valueAt(root: unknown, path: string): unknown {
  let node: unknown = root;
  for (const segment of path.split('.')) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, segment)) throw new Error(`no policy value at "${path}"`);
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}
