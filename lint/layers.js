/**
 * The engine's layers and the lint rules that hold them: a folder of src/ may import its own modules and the folders
 * of lower layers, never a higher one or a sibling of its own layer, and no module may reach itself again through its
 * imports (type-only imports included). Data flows one way: model -> load -> validate -> document -> renderers -> build -> CLI.
 */
import boundaries from 'eslint-plugin-boundaries';
import { noImportCycle } from './no-import-cycle.js';

/** Lowest first. Folders on one line are siblings: neither may import the other. */
export const LAYERS = [
  ['errors'], // the problem catalogue and its formatting
  ['model'], // zod schemas, Policy, units, glyph coverage, check ids: pure
  ['load'], // the only code that reads files and the YAML tree
  ['diff'], // pure (Policy, Policy) -> Change[]
  ['claims'], // what each policy key claims and how it is checked; evidence as the reader sees it
  ['validate'], // the one validation path; cross-version checks (notice periods need diff, failed evidence the claims)
  ['document'], // what the page and the PDF both say, derived and worded once
  ['pdf'], // renderer: document -> bytes
  ['site'], // the pages' data: entries, links (with the PDFs' hashes), sla.json, security.txt
  ['styles'],
  ['layouts'],
  ['components'],
  ['routes'],
  ['measure'], // a gateway's added latency, the uptime probe, and the MCP client verify speaks through too
  ['verify', 'check'], // claims against a gateway; acceptance checks over dist/
  ['build'], // the pipeline and the Astro integration
  ['cli'],
];

/** Flat-config entries for the layer rule and the cycle rule over `<root>/src`; used by eslint.config.js and its test. */
export function layerConfig(root) {
  const elements = LAYERS.flat().map((folder) => ({ type: folder, pattern: `src/${folder}` }));
  const policies = LAYERS.flatMap((layer, level) => {
    const below = LAYERS.slice(0, level).flat();
    return layer.map((folder) => ({ from: { element: { type: folder } }, allow: { to: { element: { types: { anyOf: [folder, ...below] } } } } }));
  });
  return [
    {
      files: ['src/**/*.ts', 'src/**/*.astro'],
      // Tests may load fixtures through any layer: nothing imports a test, so it adds no edge to the graph that ships.
      ignores: ['src/**/*.test.ts'],
      plugins: { boundaries },
      settings: {
        'boundaries/root-path': root,
        'boundaries/elements': elements,
        'boundaries/dependency-nodes': ['import', 'export', 'dynamic-import'],
        'import/resolver': { node: { extensions: ['.ts', '.js', '.astro'] } },
      },
      rules: {
        'boundaries/dependencies': [
          'error',
          {
            default: 'disallow',
            policies: [
              // Packages and node: built-ins are not layers (virtual:slapage/site neither: the integration provides it).
              { allow: { to: { module: { origin: 'external' } } } },
              { allow: { to: { module: { origin: 'core' } } } },
              ...policies,
            ],
          },
        ],
      },
    },
    {
      files: ['src/**/*.ts', 'src/**/*.astro'],
      plugins: { slapage: { rules: { 'no-import-cycle': noImportCycle } } },
      rules: { 'slapage/no-import-cycle': 'error' },
    },
  ];
}
