/** Every in-site link and asset of the built HTML resolves to a file under the base path, and every #fragment to an id in its target. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { anchorIds } from '../site/anchors.ts';
import { lineColumn } from './site-files.ts';

export interface Finding {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly detail: string;
  readonly fix?: string;
}

const ATTRIBUTE = /\s(href|src)="([^"]*)"/g;

export function checkLinks(dir: string, htmlFiles: readonly string[], base: string): Finding[] {
  const findings: Finding[] = [];
  const ids = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    let set = ids.get(file);
    if (!set) ids.set(file, (set = anchorIds(readFileSync(join(dir, file), 'utf8'))));
    return set;
  };
  for (const file of htmlFiles) {
    const html = readFileSync(join(dir, file), 'utf8');
    for (const match of html.matchAll(ATTRIBUTE)) {
      const target = decodeEntities(match[2]!);
      if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto:
      const at = lineColumn(html, match.index + 1);
      const report = (detail: string, fix?: string) => findings.push({ file, ...at, detail, ...(fix ? { fix } : {}) });
      const [path = '', fragment] = target.split('#', 2);
      let resolved: string;
      if (path === '') resolved = file;
      else if (path.startsWith('/')) {
        if (!path.startsWith(base)) {
          report(`link ${JSON.stringify(target)} is outside the base path ${base}`, 'in-site links must start with the base path from slapage.config.yaml');
          continue;
        }
        const file = fileFor(dir, decodeURIComponent(path.slice(base.length)));
        if (!file) {
          report(`link ${JSON.stringify(target)} resolves to no file of the site`);
          continue;
        }
        resolved = file;
      } else {
        report(`relative link ${JSON.stringify(target)}`, 'the engine writes in-site links with the base path; a relative link breaks when the page moves');
        continue;
      }
      if (fragment && resolved.endsWith('.html') && !idsOf(resolved).has(fragment)) report(`link ${JSON.stringify(target)}: #${fragment} is not an id of ${resolved}`);
    }
  }
  return findings;
}

/** The site file a path under the base names: a file, or a folder's index.html. */
function fileFor(dir: string, path: string): string | undefined {
  const full = join(dir, path);
  if (path === '' || path.endsWith('/')) return existsSync(join(full, 'index.html')) ? join(path, 'index.html') : undefined;
  if (!existsSync(full)) return undefined;
  return statSync(full).isDirectory() ? (existsSync(join(full, 'index.html')) ? join(path, 'index.html') : undefined) : path;
}

function decodeEntities(text: string): string {
  return text.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}
