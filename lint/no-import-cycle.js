/**
 * ESLint rule `slapage/no-import-cycle`: reports a module of src/ that reaches itself again through its imports, type-only
 * ones included (import-x's no-cycle skips those). The graph is built once per run from every .ts and .astro file of src/.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/** src folder -> (file -> the cycle it lies on, as files in import order), computed once per process and src folder. */
const cycles = new Map();

/** The relative specifiers a module imports, exports from or loads dynamically, types included. */
function specifiers(file) {
  let text = readFileSync(file, 'utf8');
  // An Astro component's imports are in its frontmatter.
  if (file.endsWith('.astro')) text = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
  return ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName).filter((s) => s.startsWith('.'));
}

function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|astro)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Strongly connected components (Tarjan); every file in one with two or more files, or importing itself, is on a cycle. */
function findCycles(src) {
  const files = sourceFiles(src);
  const edges = new Map(files.map((file) => [file, specifiers(file).map((s) => resolve(dirname(file), s)).filter((target) => existsSync(target))]));
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const result = new Map();
  let counter = 0;
  const visit = (file) => {
    index.set(file, counter);
    low.set(file, counter++);
    stack.push(file);
    onStack.add(file);
    for (const next of edges.get(file) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file), low.get(next)));
      } else if (onStack.has(next)) low.set(file, Math.min(low.get(file), index.get(next)));
    }
    if (low.get(file) !== index.get(file)) return;
    const component = [];
    let member;
    do {
      member = stack.pop();
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    if (component.length > 1 || edges.get(file)?.includes(file)) for (const f of component) result.set(f, pathBack(f, new Set(component), edges));
  };
  for (const file of files) if (!index.has(file)) visit(file);
  return result;
}

/** A shortest import path from `file` back to itself inside its component, for the message. */
function pathBack(file, component, edges) {
  const from = new Map([[file, null]]);
  const queue = [file];
  while (queue.length > 0) {
    const current = queue.shift();
    for (const next of edges.get(current) ?? []) {
      if (!component.has(next)) continue;
      if (next === file) {
        const chain = [current];
        while (from.get(chain[0])) chain.unshift(from.get(chain[0]));
        return [...chain, file];
      }
      if (!from.has(next)) {
        from.set(next, current);
        queue.push(next);
      }
    }
  }
  return [file, file];
}

/** The src/ folder a file lies under, if any. */
function srcOf(file) {
  const at = file.lastIndexOf('/src/');
  return at === -1 ? undefined : file.slice(0, at + 4);
}

export const noImportCycle = {
  meta: {
    type: 'problem',
    docs: { description: 'no import cycle between modules of src/, type-only imports included' },
    schema: [],
    messages: { cycle: 'import cycle: {{chain}}' },
  },
  create(context) {
    const file = context.filename;
    const src = srcOf(file);
    if (!src) return {};
    if (!cycles.has(src)) cycles.set(src, findCycles(src));
    const chain = cycles.get(src).get(file);
    if (!chain) return {};
    return {
      Program(node) {
        context.report({ node, loc: { line: 1, column: 0 }, messageId: 'cycle', data: { chain: chain.map((f) => relative(src, f)).join(' -> ') } });
      },
    };
  },
};
