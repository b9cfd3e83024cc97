/**
 * Atom feeds (RFC 4287) of the changelog: one entry per version, and one per version that changes
 * sub-processors. Ids, links and dates derive from the policy (meta.url, version, updated), so builds
 * are byte-identical. Built with the `feed` library; entry summaries are escaped HTML.
 */
import { Feed, type Item } from 'feed';
import type { Policy } from '../model/policy.ts';
import { versionAnchor } from '../model/version.ts';
import type { Change } from './change.ts';
import { comparePolicies, type Comparison } from './comparison.ts';
import { formatValue } from '../model/units.ts';

/** Each version with its comparison against the previous one (none for the first), newest first. */
export function history(policies: readonly Policy[]): { policy: Policy; comparison: Comparison | undefined }[] {
  return policies
    .map((policy, i) => ({ policy, comparison: i === 0 ? undefined : comparePolicies(policies[i - 1]!, policy) }))
    .reverse();
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** RFC 3339 timestamp of an ISO date, at midnight UTC. */
export function timestampOf(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

function siteOf(latest: Policy): string {
  return latest.meta.url.replace(/\/+$/, '');
}

/** URL of a version's section on its archived page, e.g. /v/3.2/#retention. */
export function sectionHref(version: string, section: string): string {
  return `/v/${version}/#${section}`;
}

function newFeed(latest: Policy, path: string, title: string, description: string, updated: string): Feed {
  const site = siteOf(latest);
  return new Feed({
    id: `${site}${path}`,
    title,
    description,
    link: `${site}/changelog/`,
    feedLinks: { atom: `${site}${path}` },
    updated: timestampOf(updated),
    author: { name: latest.meta.company },
    generator: false,
  });
}

function changeItems(changes: readonly Change[]): string {
  const mark = (c: Change) => (c.material ? 'material, weaker' : c.direction);
  return `<ul>${changes.map((c) => `<li>${escapeHtml(`${c.summary} (${mark(c)})`)}</li>`).join('')}</ul>`;
}

function dates(policy: Policy): string {
  return `<p>${escapeHtml(`Published ${policy.meta.updated}, effective ${policy.meta.effective}.`)}</p>`;
}

/** The mark of an unreleased version (a `--drafts` preview), in its title and first in its entry. */
export const DRAFT_MARK = 'Draft: not in force';

function draftNote(drafts: ReadonlySet<string>, version: string): string {
  return drafts.has(version) ? `<p>${escapeHtml(`${DRAFT_MARK}. This version is not released; it is published for review only.`)}</p>` : '';
}

function titled(drafts: ReadonlySet<string>, version: string, title: string): string {
  return drafts.has(version) ? `${title} (${DRAFT_MARK})` : title;
}

/** The newest version that is no draft: the feed's title and author come from it, never from a draft. */
function current(policies: readonly Policy[], drafts: ReadonlySet<string>): Policy | undefined {
  return policies.filter((p) => !drafts.has(p.meta.version)).at(-1) ?? policies.at(-1);
}

/** /changelog.xml: one entry per version, newest first; `drafts`: the unreleased versions, marked. */
export function changelogFeed(policies: readonly Policy[], drafts: ReadonlySet<string> = new Set()): string {
  const latest = current(policies, drafts);
  if (!latest) throw new Error('changelogFeed needs at least one version');
  const site = siteOf(latest);
  const feed = newFeed(latest, '/changelog.xml', `${latest.meta.product}: SLA & security changelog`, `Every version of the ${latest.meta.product} SLA & security commitments and what changed.`, latest.meta.updated);
  for (const { policy, comparison } of history(policies)) {
    const { version } = policy.meta;
    const url = `${site}/changelog/#${versionAnchor(version)}`;
    const body = !comparison
      ? '<p>First published version.</p>'
      : comparison.changes.length === 0
        ? '<p>No changes to commitments.</p>'
        : changeItems([...comparison.groups.weaker, ...comparison.groups.stronger, ...comparison.groups.neutral]);
    const item: Item = { id: url, title: escapeHtml(titled(drafts, version, `Version ${version}`)), link: url, date: timestampOf(policy.meta.updated), description: draftNote(drafts, version) + dates(policy) + body };
    feed.addItem(item);
  }
  return feed.atom1();
}

/** /subprocessors.xml: one entry per version that adds, removes or changes a sub-processor; `drafts` marked. */
export function subprocessorsFeed(policies: readonly Policy[], drafts: ReadonlySet<string> = new Set()): string {
  const latest = current(policies, drafts);
  if (!latest) throw new Error('subprocessorsFeed needs at least one version');
  const site = siteOf(latest);
  const entries = history(policies).flatMap(({ policy, comparison }) => {
    const changes = comparison?.changes.filter((c) => c.section === 'subprocessors') ?? [];
    return changes.length > 0 ? [{ policy, changes }] : [];
  });
  const updated = entries[0]?.policy.meta.updated ?? latest.meta.updated;
  const feed = newFeed(latest, '/subprocessors.xml', `${latest.meta.product}: sub-processor changes`, `New, removed and changed sub-processors of ${latest.meta.product}, announced before they take effect.`, updated);
  for (const { policy, changes } of entries) {
    const { version } = policy.meta;
    const details = changes.filter((c) => c.kind === 'added' && c.to && typeof c.to === 'object' && 'name' in c.to).map((c) => describeEntry(c.to as Record<string, unknown>));
    feed.addItem({
      id: `${site}/changelog/#${versionAnchor(version)}-subprocessors`,
      title: escapeHtml(titled(drafts, version, `Version ${version}: ${changes.map((c) => c.summary).join('; ')}`)),
      link: `${site}${sectionHref(version, 'subprocessors')}`,
      date: timestampOf(policy.meta.updated),
      description: draftNote(drafts, version) + dates(policy) + changeItems(changes) + details.join(''),
    });
  }
  return feed.atom1();
}

function describeEntry(entry: Record<string, unknown>): string {
  const rows = (['name', 'purpose', 'location', 'url', 'since'] as const)
    .filter((key) => entry[key] !== undefined)
    .map((key) => `<dt>${escapeHtml(key)}</dt><dd>${escapeHtml(formatValue(key, entry[key]))}</dd>`);
  return `<dl>${rows.join('')}</dl>`;
}
