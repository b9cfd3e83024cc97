/**
 * The engine's and the gateway's layers and the lint rules that hold them: a folder of a src/ may import its own modules
 * and the folders of lower layers, never a higher one or a sibling of its own layer, and no module may reach itself again
 * through its imports (type-only imports included). The engine's data flows one way: model -> load -> validate ->
 * document -> renderers -> build -> CLI; the gateway's request path reads upward: http -> mcp -> auth -> filter -> upstream.
 */
import boundaries from 'eslint-plugin-boundaries';
import { noImportCycle } from './no-import-cycle.js';

/** One plugin object for every config that uses the rule (flat config refuses two different objects under one name). */
const slapage = { rules: { 'no-import-cycle': noImportCycle } };

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

/**
 * The reference gateway's layers (packages/gateway/src), lowest first; its entry points src/index.ts and src/testing.ts
 * sit above them all. Folders on one line are siblings.
 */
export const GATEWAY_LAYERS = [
  ['base'], // GatewayError and the refusal catalogue, clocks
  ['http', 'mcp', 'auth'], // HTTP primitives (core request, limits, media types); MCP eras and JSON-RPC framing; tokens, sealing, roles
  ['audit'], // the hash-chained audit log and its exports; the metadata-only access log
  ['store'], // ConfigStore: memory, SQLite, PostgreSQL
  ['filter'], // integrations -> tools, method and tag filters, argument validation
  ['upstream'], // undici pools, SSRF address policy, rate-limit headers
  ['registry'], // token -> live server: in-memory index, edge (in-process or Redis)
  ['admin'], // provisioning, the admin API, the purge job
  ['endpoint'], // the request -> response core (routing, eras, the MCP endpoint) and the node:http adapter
  ['server'], // startGateway: wiring and configuration
  ['testing'], // test doubles: the mock upstream, throwaway PostgreSQL and Redis
];

/**
 * Flat-config entries for the layer rule and the cycle rule over `<root>/<base>src` with the given layers; used by
 * eslint.config.js (the engine at the root, the gateway under packages/gateway/) and its test.
 */
export function layerConfig(root, { layers = LAYERS, base = '' } = {}) {
  const src = `${base}src`;
  const elements = layers.flat().map((folder) => ({ type: folder, pattern: `${src}/${folder}` }));
  const policies = layers.flatMap((layer, level) => {
    const below = layers.slice(0, level).flat();
    return layer.map((folder) => ({ from: { element: { type: folder } }, allow: { to: { element: { types: { anyOf: [folder, ...below] } } } } }));
  });
  return [
    {
      files: [`${src}/**/*.ts`, `${src}/**/*.astro`],
      // Tests may load fixtures through any layer: nothing imports a test, so it adds no edge to the graph that ships.
      ignores: [`${src}/**/*.test.ts`],
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
      files: [`${src}/**/*.ts`, `${src}/**/*.astro`],
      plugins: { slapage },
      rules: { 'slapage/no-import-cycle': 'error' },
    },
  ];
}
