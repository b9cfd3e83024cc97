import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import slapage, { routeCollision } from './integration.ts';

const ROUTES = resolve(import.meta.dirname, '../routes');
const root = '/site';

describe('routeCollision', () => {
  const ours = [
    { pattern: '/security', entrypoint: join(ROUTES, 'index.astro') },
    { pattern: '/security/v/[version]', entrypoint: join(ROUTES, 'v/[version]/index.astro') },
  ];

  it('names both routes when a host page has one of the engine\'s', () => {
    const found = routeCollision([...ours, { pattern: '/security', entrypoint: 'src/pages/security.astro' }], root);
    expect(found?.message).toMatch(/^slapage: the route \/security \(the SLA page, .*routes\/index\.astro\) collides with the route \/security of src\/pages\/security\.astro/);
    expect(found?.hint).toContain('prefix');
  });

  it('treats parameters of any name in the same place as the same route', () => {
    expect(routeCollision([...ours, { pattern: '/security/v/[slug]/', entrypoint: 'src/pages/security/v/[slug].astro' }], root)?.message).toContain('the archived versions');
  });

  it('finds nothing beside a catch-all or other paths', () => {
    expect(routeCollision([...ours, { pattern: '/[...slug]', entrypoint: 'node_modules/@astrojs/starlight/routes/static/index.astro' }, { pattern: '/', entrypoint: 'src/pages/index.astro' }], root)).toBeUndefined();
  });
});

it('refuses a prefix that is not a path, without a stack trace', () => {
  let error: Error | undefined;
  try {
    slapage({ prefix: 'security' });
  } catch (thrown) {
    error = thrown as Error;
  }
  expect(error?.message).toBe('slapage({ prefix: "security" }): expected a path that starts with "/", like "/security"');
  expect(error?.stack).toBe('');
});
