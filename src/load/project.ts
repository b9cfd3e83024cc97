/**
 * A vendor's project is a folder: optional slapage.config.yaml, policy/, and optional content/ (sections/ prose
 * overrides, measurements/, evidence/). This resolves its paths and loads and checks its config, with located problems.
 */
import { existsSync, lstatSync, readFileSync } from 'node:fs';
import { dirname, extname, join, relative, resolve } from 'node:path';
import type { Problem } from '../errors/catalog.ts';
import { CONFIG_FILE, configSchema, type ProjectConfig } from '../model/config.ts';
import { contrastOnWhite, formatRatio, nearestPassingShade } from '../model/contrast.ts';
import { kilobytes, readYamlFile } from './read-yaml-file.ts';
import { SourceFile } from './source-file.ts';

export interface ProjectPaths {
  /** The project folder (absolute). */
  readonly root: string;
  readonly policyDir: string;
  readonly contentDir: string;
  /** Committed gateway measurements: SLA_MEASUREMENTS_DIR, else content/measurements of the project. */
  readonly measurementsDir: string;
  /** Committed verification evidence: content/evidence of the project. */
  readonly evidenceDir: string;
  readonly configFile: string;
}

export interface Logo {
  readonly type: 'svg' | 'png';
  readonly bytes: Uint8Array;
  /** Pixel size for PNGs (from IHDR); SVGs scale. */
  readonly width?: number;
  readonly height?: number;
}

export interface Project extends ProjectPaths {
  readonly config: ProjectConfig;
  readonly logo?: Logo;
}

export interface ProjectLoad {
  /** Undefined when the config has errors. */
  readonly project: Project | undefined;
  readonly problems: Problem[];
}

/** Logos are a few KB; a large file is usually the wrong file, and it would ride inside every PDF. */
export const MAX_LOGO_BYTES = 512 * 1024;

/**
 * The project folder is --project, else the parent of --policy / SLA_POLICY_DIR when given (a policy folder sits in its
 * project), else the working directory. The policy folder is --policy, else SLA_POLICY_DIR, else <project>/policy.
 */
export function resolveProject(flags: { project?: string | undefined; policy?: string | undefined } = {}): ProjectPaths {
  const policyFlag = flags.policy ?? process.env.SLA_POLICY_DIR;
  const root = resolve(flags.project ?? (policyFlag ? dirname(resolve(policyFlag)) : '.'));
  const policyDir = policyFlag ? resolve(policyFlag) : join(root, 'policy');
  const contentDir = join(root, 'content');
  return {
    root,
    policyDir,
    contentDir,
    measurementsDir: resolve(process.env.SLA_MEASUREMENTS_DIR ?? join(contentDir, 'measurements')),
    evidenceDir: join(contentDir, 'evidence'),
    configFile: join(root, CONFIG_FILE),
  };
}

/** Reads slapage.config.yaml when present (defaults otherwise), and checks the brand: logo file, accent contrast. */
export function loadProject(paths: ProjectPaths): ProjectLoad {
  const shown = relative(process.cwd(), paths.configFile) || CONFIG_FILE;
  if (!existsSync(paths.configFile)) return { project: { ...paths, config: configSchema.parse({}) }, problems: [] };
  const result = readYamlFile(paths.configFile, shown, CONFIG_FILE, configSchema);
  if (!('value' in result)) return { project: undefined, problems: result.problems };
  const config = result.value as ProjectConfig;
  const source = result.source!;
  const problems: Problem[] = [];

  const accent = config.brand.accent_color;
  if (accent && contrastOnWhite(accent) < 4.5) {
    const suggestion = nearestPassingShade(accent);
    problems.push(
      source.problemAtPath(['brand', 'accent_color'], 'accent-contrast', {
        color: accent,
        ratio: formatRatio(contrastOnWhite(accent)),
        suggestion,
        suggestionRatio: formatRatio(contrastOnWhite(suggestion)),
      }),
    );
  }
  let logo: Logo | undefined;
  if (config.brand.logo) {
    const checked = readLogo(paths.root, config.brand.logo);
    if ('why' in checked) problems.push(source.problemAtPath(['brand', 'logo'], checked.code, { path: config.brand.logo, why: checked.why, fix: checked.fix }));
    else logo = checked;
  }
  if (problems.length > 0) return { project: undefined, problems };
  return { project: { ...paths, config, ...(logo ? { logo } : {}) }, problems: [] };
}

type LogoProblem = { code: 'logo-missing' | 'logo-invalid'; why: string; fix?: string };

/** Reads and checks the logo: inside the project, a regular file, small, a real PNG or an SVG without active content. */
function readLogo(root: string, path: string): Logo | LogoProblem {
  const file = resolve(root, path);
  if (relative(root, file).startsWith('..')) return { code: 'logo-missing', why: 'is outside the project folder' };
  if (!existsSync(file)) return { code: 'logo-missing', why: 'does not exist' };
  const stat = lstatSync(file);
  if (!stat.isFile()) return { code: 'logo-missing', why: stat.isSymbolicLink() ? 'is a symbolic link' : 'is not a file' };
  if (stat.size > MAX_LOGO_BYTES) return { code: 'logo-invalid', why: `is ${kilobytes(stat.size)}; the limit is ${kilobytes(MAX_LOGO_BYTES)}`, fix: 'export the logo smaller (an SVG, or a PNG of at most 1,000 px wide)' };
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    return { code: 'logo-missing', why: `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  const ext = extname(file).toLowerCase();
  if (ext === '.png') return png(bytes);
  if (ext === '.svg') return svg(bytes);
  return { code: 'logo-invalid', why: `has the extension ${JSON.stringify(ext)}`, fix: 'use an SVG or PNG file' };
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function png(bytes: Uint8Array): Logo | LogoProblem {
  const header = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (header.length < 24 || !PNG_SIGNATURE.every((b, i) => header[i] === b) || header.toString('latin1', 12, 16) !== 'IHDR') {
    return { code: 'logo-invalid', why: 'is not a PNG image', fix: 'save the logo as PNG or SVG' };
  }
  return { type: 'png', bytes, width: header.readUInt32BE(16), height: header.readUInt32BE(20) };
}

/** What an SVG logo must not hold: it is inlined into the page and must stay an image (no script, no fetches). */
const svgRules: readonly { pattern: RegExp; what: string }[] = [
  { pattern: /<script\b/i, what: 'a <script> element' },
  { pattern: /\son[a-z]+\s*=/i, what: 'an event handler attribute (on…=)' },
  { pattern: /<foreignObject\b/i, what: 'a <foreignObject> element' },
  { pattern: /<!ENTITY\b|<!DOCTYPE[^>]*\[/i, what: 'an entity declaration' },
  { pattern: /\b(?:xlink:)?href\s*=\s*["'](?!#)/i, what: 'a link or reference to another file (href)' },
  { pattern: /url\(\s*["']?(?!#)/i, what: 'a url() reference to another file' },
  { pattern: /@import\b/i, what: 'a CSS @import' },
];

function svg(bytes: Uint8Array): Logo | LogoProblem {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { code: 'logo-invalid', why: 'is not UTF-8 text, so not an SVG', fix: 'save the logo as SVG (UTF-8) or PNG' };
  }
  if (!/<svg\b/i.test(text)) return { code: 'logo-invalid', why: 'has no <svg> element', fix: 'save the logo as SVG or PNG' };
  for (const rule of svgRules) {
    if (rule.pattern.test(text)) {
      return { code: 'logo-invalid', why: `contains ${rule.what}`, fix: 'export a plain SVG (shapes and text only: no scripts, event handlers or external references), or use a PNG' };
    }
  }
  return { type: 'svg', bytes };
}

/** For problems outside any file (e.g. the project folder itself). */
export function projectProblem(paths: ProjectPaths, code: 'check-failed', detail: string, fix?: string): Problem {
  return new SourceFile(relative(process.cwd(), paths.root) || '.', '').problemAtLine(0, 0, code, { detail, fix });
}
