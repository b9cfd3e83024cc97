/**
 * Claims come from keys, derived from their declaration (src/claims/statements.ts for the commitment lines,
 * src/claims/registry.ts for the "verified / not verified" lists), not from a hand-written phrase list: for a project
 * that omits a claim's keys, none of its wording appears in the page's document, the PDF's text (pdftotext) or sla.json;
 * for the fixture vendors that state them, it does.
 */
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { claimLines, claimStated } from '../src/claims/evidence-view.ts';
import { claims } from '../src/claims/registry.ts';
import { statements } from '../src/claims/statements.ts';
import { plainText, type Block } from '../src/document/blocks.ts';
import { buildDocument } from '../src/document/document.ts';
import { loadPolicy } from '../src/load/load-policy.ts';
import { publicKinds, publicSchemas, type Policy } from '../src/model/policy.ts';
import { questions } from '../src/model/procurement.ts';
import { sections } from '../src/model/sections.ts';
import { renderPublicPdf } from '../src/pdf/editions.ts';
import { publicSources } from '../src/pdf/published.ts';
import { publicModel } from '../src/site/public-model.ts';
import { readPdf } from './fixtures/pdf-tools/poppler.ts';

const ROOT = resolve(import.meta.dirname, '..');
// The example (policy/ at the root) and the fixture vendors; together they state every declared line.
const stating = ['example', 'vendor-relay', 'vendor-delegate', 'vendor-arcade'] as const;
const policyDir = (name: string) => (name === 'example' ? join(ROOT, 'policy') : join(ROOT, 'tests/fixtures', name, 'policy'));

interface Outputs {
  readonly policy: Policy;
  readonly page: string;
  readonly pdf: string;
  readonly json: string;
}

const norm = (text: string) => text.replace(/\s+/g, ' ');

function blockText(b: Block): string[] {
  switch (b.type) {
    case 'heading':
      return [b.text];
    case 'paragraph':
    case 'notice':
      return [plainText(b.runs)];
    case 'definitions':
      return b.items.map((i) => `${i.term}: ${plainText(i.runs)}`);
    case 'list':
      return b.items.map(plainText);
    case 'code':
      return [b.text];
    case 'figure':
      return [b.caption, b.code];
    case 'table':
      return [b.caption, ...b.columns.map((c) => c.header), ...b.rows.map((r) => r.map(plainText).join(' | '))];
    case 'uptime-chart':
      return [b.title, b.description];
  }
}

async function outputs(policy: Policy, sources: Parameters<typeof renderPublicPdf>[1]): Promise<Outputs> {
  const document = buildDocument({ policy });
  // The page shows each section's blocks and, beside them, its claim lines (src/components/ClaimEvidence.astro).
  const lines = sections.flatMap((s) => claimLines(s.kind, policy, undefined).map((l) => l.label));
  // Procurement's questions (at a glance) are its wording, not a claim: "Integration coverage: Not stated."
  const page = norm([...document.sections.flatMap((s) => s.blocks.flatMap(blockText)), ...lines].join('\n'));
  const reader = readPdf(await renderPublicPdf(policy, sources));
  const pdf = withoutQuestions(norm(reader.text()));
  reader.close();
  return { policy, page: withoutQuestions(page), pdf, json: JSON.stringify(publicModel(policy)) };
}

const inPdf = (pdf: string, label: string) => label.split(/[\s-]+/).every((word) => pdf.includes(word));
const withoutQuestions = (text: string) => questions.reduce((t, q) => t.split(`${q.question}:`).join('').split(`${q.question} :`).join(''), text);

/** Every optional key removed, recursively: the project that states nothing it does not have to. */
function withoutOptional(schema: z.ZodType, value: unknown): unknown {
  const def = (schema as unknown as { def: { type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType; innerType?: z.ZodType } }).def;
  if (def.type === 'object' && def.shape && value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(def.shape)) {
      if ((child as unknown as { def: { type: string } }).def.type === 'optional') continue;
      const item = (value as Record<string, unknown>)[key];
      if (item !== undefined) out[key] = withoutOptional(child, item);
    }
    return out;
  }
  if (def.type === 'array' && def.element && Array.isArray(value)) return value.map((v) => withoutOptional(def.element!, v));
  return value;
}

const at = (root: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), root);
const states = (policy: Policy, keys: readonly string[]) => keys.some((k) => at(policy, k) !== undefined);

/** The claim lines' labels of registry keys: what the verified / not verified lists would show. */
function claimLabel(policy: Policy, path: string): string | undefined {
  return claimLines(path.split('.')[0]!, policy, undefined).find((l) => l.path === path)?.label;
}

const subjects: Record<string, Outputs> = {};
let bare: Outputs;

beforeAll(async () => {
  for (const name of stating) {
    const version = loadPolicy(policyDir(name)).versions.at(-1)!;
    subjects[name] = await outputs(version.policy, publicSources(version));
  }
  const relay = subjects['vendor-relay']!.policy;
  const stripped = Object.fromEntries(publicKinds.map((kind) => [kind, withoutOptional(publicSchemas[kind], relay[kind])])) as Policy;
  // No sources: the PDF's attached YAML would carry the keys' names, and this project never wrote them.
  bare = await outputs(stripped, []);
}, 120_000);

describe('claims come from keys', () => {
  it('the project without optional keys shows none of the wording of a line whose keys it omits', () => {
    const leaks: string[] = [];
    for (const [source, statement] of Object.entries(statements)) {
      if (states(bare.policy, statement.keys)) continue;
      // A label shared with a stated line (two sources, one wording) is that line's wording.
      if (Object.values(statements).some((s) => s.label === statement.label && states(bare.policy, s.keys))) continue;
      if (bare.page.includes(statement.label)) leaks.push(`${source}: page says "${statement.label}"`);
      if (bare.pdf.includes(statement.label)) leaks.push(`${source}: PDF says "${statement.label}"`);
      for (const key of statement.keys) if (at(JSON.parse(bare.json), key) !== undefined) leaks.push(`${source}: sla.json has ${key}`);
    }
    expect(leaks).toEqual([]);
  });

  it('nor a verified / not verified line for a registry key it omits', () => {
    const relay = subjects['vendor-relay']!.policy;
    const json = JSON.parse(bare.json) as { claims: { items: { path: string; label: string }[] } };
    const leaks: string[] = [];
    for (const [path, claim] of Object.entries(claims)) {
      if (claim.kind === 'none' || claim.kind === 'measured' || path.includes('[]') || claimStated(bare.policy, path)) continue;
      const label = claimLabel(relay, path) ?? claimLabel(subjects['vendor-delegate']!.policy, path);
      if (json.claims.items.some((i) => i.path === path)) leaks.push(`${path}: in sla.json's claims`);
      if (!label) continue;
      if (bare.page.includes(label)) leaks.push(`${path}: page says "${label}"`);
      if (bare.pdf.includes(label)) leaks.push(`${path}: PDF says "${label}"`);
    }
    expect(leaks).toEqual([]);
  });

  it('the fixture vendors together state every declared line, and each one that states it shows its wording everywhere', () => {
    const unstated = Object.keys(statements).filter((source) => !stating.some((name) => states(subjects[name]!.policy, statements[source]!.keys)));
    expect(unstated).toEqual([]);
    const missing: string[] = [];
    for (const name of stating) {
      const s = subjects[name]!;
      for (const [source, statement] of Object.entries(statements)) {
        if (!states(s.policy, statement.keys)) continue;
        if (!s.page.includes(statement.label)) missing.push(`${name} ${source}: page lacks "${statement.label}"`);
        // PDF columns wrap a long label over lines that pdftotext may interleave with the value: its words, in any order.
        if (!inPdf(s.pdf, statement.label)) missing.push(`${name} ${source}: PDF lacks "${statement.label}"`);
        for (const key of statement.keys) if (at(s.policy, key) !== undefined && at(JSON.parse(s.json), key) === undefined) missing.push(`${name}: sla.json lacks ${key}`);
      }
      for (const [path] of Object.entries(claims)) {
        if (path.includes('[]') || !claimStated(s.policy, path)) continue;
        const label = claimLabel(s.policy, path);
        if (!label) continue;
        if (!s.page.includes(label)) missing.push(`${name} ${path}: page lacks claim "${label}"`);
        if (!(JSON.parse(s.json) as { claims: { items: { path: string }[] } }).claims.items.some((i) => i.path === path)) missing.push(`${name} ${path}: sla.json lacks the claim`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('generic statement prose carries no engine claim', () => {
    const prose = Object.entries(claims).filter(([path, claim]) => /\.statement$/.test(path) && claim.kind !== 'none');
    expect(prose.map(([path]) => path)).toEqual([]);
  });
});
