/**
 * Section prose (the engine's defaults, a project's content/sections/<anchor>.mdx, a frozen content/v/<version>/<anchor>.mdx)
 * read as data, never executed: Markdown plus the engine's parts by name (<Value path="…" />, <DowntimeTable />), so the
 * same prose reaches the page and the PDF. `import` lines are ignored; `{expressions}` are refused with their location.
 */
import { mdxToMdast } from 'satteri';
import type { Block, Inline } from './blocks.ts';
import { safeHref, text } from './blocks.ts';
import { blockParts, inlineParts, type Attributes, type PartContext } from './parts.ts';

/** A prose file: where it comes from (shown in errors) and its text. */
export interface ProseSource {
  /** Project-relative path, e.g. "content/sections/uptime.mdx", or "engine:uptime" for the defaults. */
  readonly file: string;
  readonly text: string;
}

/** A mistake in prose, at its file, line and column; the build shows it instead of a stack trace. */
export class ProseError extends Error {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  constructor(file: string, line: number, column: number, why: string) {
    super(`${file}:${line}:${column}: ${why}`);
    this.name = 'ProseError';
    this.file = file;
    this.line = line;
    this.column = column;
  }
}

interface Node {
  readonly type: string;
  readonly value?: string;
  readonly name?: string | null;
  readonly url?: string;
  readonly depth?: number;
  readonly ordered?: boolean | null;
  readonly attributes?: readonly { type: string; name?: string; value?: unknown }[];
  readonly children?: readonly Node[];
  readonly position?: { start: { line: number; column: number } };
}

// Prose is parsed once per text: every version of a site shares the engine's defaults.
const trees = new Map<string, Node>();

function parse(source: ProseSource): Node {
  let tree = trees.get(source.text);
  if (!tree) {
    try {
      tree = mdxToMdast(source.text) as unknown as Node;
    } catch (error) {
      const found = /(\d+):(\d+)/.exec(String((error as Error).message));
      throw new ProseError(source.file, Number(found?.[1] ?? 1), Number(found?.[2] ?? 1), `not valid MDX: ${(error as Error).message}`);
    }
    trees.set(source.text, tree);
  }
  return tree;
}

/** The section's blocks from its prose, the parts it names derived from `context`. */
export function proseBlocks(source: ProseSource, context: PartContext): Block[] {
  const at = (node: Node, why: string) => new ProseError(source.file, node.position?.start.line ?? 1, node.position?.start.column ?? 1, why);
  const attributes = (node: Node): Attributes => {
    const found: Record<string, string> = {};
    for (const attribute of node.attributes ?? []) {
      if (attribute.type !== 'mdxJsxAttribute' || !attribute.name) throw at(node, `<${node.name}>: spread attributes are not read; write name="value"`);
      // `of={props.policy}` was how values were cited before prose became data: the policy is always the version's own.
      if (attribute.name === 'of') continue;
      if (typeof attribute.value !== 'string') throw at(node, `<${node.name} ${attribute.name}>: attribute values are text in quotes, never {expressions}`);
      found[attribute.name] = attribute.value;
    }
    return found;
  };
  const call = <T>(node: Node, run: () => T): T => {
    try {
      return run();
    } catch (error) {
      if (error instanceof ProseError) throw error;
      throw at(node, (error as Error).message);
    }
  };

  const inline = (nodes: readonly Node[]): Inline[] =>
    nodes.flatMap((node): Inline[] => {
      switch (node.type) {
        case 'text':
          return [text(node.value ?? '')];
        case 'break':
          return [text(' ')];
        case 'strong':
        case 'emphasis':
          return [{ kind: 'emphasis', strong: node.type === 'strong', runs: inline(node.children ?? []) }];
        case 'inlineCode':
          return [{ kind: 'code', text: node.value ?? '' }];
        case 'link':
          return [{ kind: 'link', href: call(node, () => safeHref(node.url ?? '')), runs: inline(node.children ?? []) }];
        case 'mdxJsxTextElement':
        case 'mdxJsxFlowElement': {
          const name = node.name ?? '';
          const html = htmlInline[name];
          if (html) return [html(inline(node.children ?? []), attributes(node), node)];
          const part = inlineParts[name];
          if (!part) throw at(node, `<${name}> cannot stand inside a sentence: use ${Object.keys(inlineParts).join(', ')}${blockParts[name] ? `; <${name} /> goes on a line of its own` : ''}`);
          return call(node, () => part(context, attributes(node), inline(node.children ?? [])));
        }
        case 'mdxTextExpression':
        case 'mdxFlowExpression':
          throw at(node, 'expressions in braces are not evaluated: cite a value with <Value path="…" />');
        default:
          throw at(node, `${node.type} is not supported in section prose`);
      }
    });

  const htmlInline: Record<string, (runs: Inline[], attrs: Attributes, node: Node) => Inline> = {
    strong: (runs) => ({ kind: 'emphasis', strong: true, runs }),
    b: (runs) => ({ kind: 'emphasis', strong: true, runs }),
    em: (runs) => ({ kind: 'emphasis', strong: false, runs }),
    i: (runs) => ({ kind: 'emphasis', strong: false, runs }),
    code: (runs) => ({ kind: 'code', text: runs.map((r) => ('text' in r ? r.text : '')).join('') }),
    a: (runs, attrs, node) => ({ kind: 'link', href: call(node, () => safeHref(attrs.href ?? '')), runs }),
  };

  const block = (node: Node): Block[] => {
    switch (node.type) {
      case 'mdxjsEsm':
        return [];
      case 'paragraph': {
        const children = node.children ?? [];
        // A part alone on its line inside a paragraph (<DowntimeTable /> with text around it is an error below).
        const only = children.length === 1 ? children[0]! : undefined;
        if (only?.type === 'mdxJsxTextElement' && blockParts[only.name ?? '']) return block({ ...only, type: 'mdxJsxFlowElement' });
        const runs = inline(children);
        return runs.length > 0 ? [{ type: 'paragraph', runs }] : [];
      }
      case 'heading':
        return [{ type: 'heading', text: plain(node) }];
      case 'list':
        return [{ type: 'list', ordered: node.ordered === true, items: (node.children ?? []).map((item) => (item.children ?? []).flatMap((child, i) => [...(i > 0 ? [text(' ')] : []), ...inline(child.type === 'paragraph' ? (child.children ?? []) : [child])])) }];
      case 'blockquote':
        return [{ type: 'notice', runs: (node.children ?? []).flatMap((child, i) => [...(i > 0 ? [text(' ')] : []), ...inline(child.type === 'paragraph' ? (child.children ?? []) : [child])]) }];
      case 'code':
        return [{ type: 'code', text: node.value ?? '' }];
      case 'mdxJsxFlowElement': {
        const name = node.name ?? '';
        if (name === 'p') return [{ type: 'paragraph', runs: inline(node.children ?? []), ...(attributes(node).class === 'lead' ? { style: 'lead' as const } : {}) }];
        if (name === 'blockquote') return [{ type: 'notice', runs: (node.children ?? []).flatMap((child) => inline(child.type === 'paragraph' ? (child.children ?? []) : [child])) }];
        const part = blockParts[name];
        if (part) return call(node, () => part(context, attributes(node)));
        if (inlineParts[name] || htmlInline[name]) return [{ type: 'paragraph', runs: inline([node]) }];
        throw at(node, `unknown component <${name}>: use one of ${[...Object.keys(blockParts), ...Object.keys(inlineParts)].join(', ')}`);
      }
      case 'mdxFlowExpression':
        throw at(node, 'expressions in braces are not evaluated: cite a value with <Value path="…" />');
      default:
        throw at(node, `${node.type} is not supported in section prose`);
    }
  };

  return (parse(source).children ?? []).flatMap(block);
}

function plain(node: Node): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value ?? '';
  return (node.children ?? []).map(plain).join('');
}
