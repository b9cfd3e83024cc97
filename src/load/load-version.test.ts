import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { corpus, problemsWith, removeAll } from '../../tests/fixtures/invalid/corpus.ts';
import { loadPolicy } from './load-policy.ts';

afterAll(removeAll);

describe('the files of a version', () => {
  it('a required file that is missing is named', () => {
    expect(problemsWith({ 'changes.yaml': null, 'credits.yaml': null })).toMatchInlineSnapshot(`
      "policy/3.1/credits.yaml: version 3.1 has no credits.yaml [missing-file]
        hint: every version needs credits.yaml; copy it from the previous version and edit it
      policy/3.1/changes.yaml: version 3.1 has no changes.yaml [missing-file]
        hint: every version needs changes.yaml; copy it from the previous version and edit it"
    `);
  });

  it('nda.yaml is optional', () => {
    expect(problemsWith({ 'nda.yaml': null })).toBe('');
  });

  it('an unknown file is named, with the file it was probably meant to be', () => {
    expect(problemsWith({ 'uptime.yml': 'target_percent: 99.9\n' })).toMatchInlineSnapshot(`
      "policy/3.1/uptime.yml:1:1: unknown file \`uptime.yml\` in version 3.1 [unknown-file]
        hint: did you mean \`uptime.yaml\`? policy files are: meta.yaml, uptime.yaml, latency.yaml, auth.yaml, rbac.yaml, rate-limits.yaml, retention.yaml, subprocessors.yaml, compliance.yaml, incidents.yaml, credits.yaml, changes.yaml, nda.yaml"
    `);
    expect(problemsWith({ 'notes.txt': 'todo\n' })).toMatchInlineSnapshot(`
      "policy/3.1/notes.txt:1:1: unknown file \`notes.txt\` in version 3.1 [unknown-file]
        hint: policy files are: meta.yaml, uptime.yaml, latency.yaml, auth.yaml, rbac.yaml, rate-limits.yaml, retention.yaml, subprocessors.yaml, compliance.yaml, incidents.yaml, credits.yaml, changes.yaml, nda.yaml"
    `);
  });

  it('a symbolic link or a folder in place of a file is refused, and nothing it points at is read', () => {
    const c = corpus();
    const outside = join(c.policyDir, '..', 'secret.txt');
    writeFileSync(outside, 'SECRET-LINE: do not print\n');
    rmSync(join(c.policyDir, '3.1', 'uptime.yaml'));
    symlinkSync(outside, join(c.policyDir, '3.1', 'uptime.yaml'));
    rmSync(join(c.policyDir, '3.1', 'credits.yaml'));
    mkdirSync(join(c.policyDir, '3.1', 'credits.yaml'));
    const shown = c.render(loadPolicy(c.policyDir).problems, { frame: true });
    expect(shown).not.toContain('SECRET');
    expect(shown).toMatchInlineSnapshot(`
      "policy/3.1/uptime.yaml: uptime.yaml is a symbolic link [not-a-file]
        hint: policy files and version folders must be the real thing, not links; replace it with the file or folder itself
      policy/3.1/credits.yaml: credits.yaml is a folder [not-a-file]
        hint: policy files and version folders must be the real thing, not links; replace it with the file or folder itself"
    `);
  });

  it('problems from every file come in one run', () => {
    expect(problemsWith({ 'changes.yaml': '', 'uptime.yml': 'x: 1\n', 'credits.yaml': null, 'meta.yaml': (t) => t.replace('product:', 'prodcut:') })).toMatchInlineSnapshot(`
      "policy/3.1/uptime.yml:1:1: unknown file \`uptime.yml\` in version 3.1 [unknown-file]
        hint: did you mean \`uptime.yaml\`? policy files are: meta.yaml, uptime.yaml, latency.yaml, auth.yaml, rbac.yaml, rate-limits.yaml, retention.yaml, subprocessors.yaml, compliance.yaml, incidents.yaml, credits.yaml, changes.yaml, nda.yaml
      policy/3.1/meta.yaml:5:1: unknown key \`prodcut\` [unknown-key]
        hint: did you mean \`product\`?
      policy/3.1/credits.yaml: version 3.1 has no credits.yaml [missing-file]
        hint: every version needs credits.yaml; copy it from the previous version and edit it
      policy/3.1/changes.yaml:1:1: changes.yaml is empty [empty-file]
        hint: fill in the required keys; see docs in the JSON Schema under schema/ or the previous version"
    `);
  });

  it('a valid version loads into the typed policy, with the NDA annex kept apart', () => {
    const c = corpus();
    const { versions, problems } = loadPolicy(c.policyDir);
    expect(problems).toEqual([]);
    expect(versions.map((v) => v.version)).toEqual(['3.1']);
    expect(Object.keys(versions[0]!.policy)).not.toContain('nda');
    expect(versions[0]!.nda?.soc2.opinion).toBeTypeOf('string');
  });
});

describe('the policy folder', () => {
  it('a folder that is not a version, and versions sorted numerically', () => {
    const c = corpus();
    mkdirSync(join(c.policyDir, '3.10'));
    mkdirSync(join(c.policyDir, '3.9'));
    c.edit({ 'x.yaml': 'a: 1\n' }, 'drafts');
    const { folders, problems } = loadPolicy(c.policyDir);
    expect(folders).toEqual(['3.1', '3.9', '3.10']);
    expect(c.render(problems.filter((p) => p.code === 'bad-version-folder'))).toMatchInlineSnapshot(`
      "policy/drafts: folder \`drafts\` is not a version (expected MAJOR.MINOR, like "3.2") [bad-version-folder]
        hint: rename the folder to its version number, or move it out of the policy folder"
    `);
  });

  it('a missing policy folder, and one without versions', () => {
    const c = corpus({});
    expect(c.render(loadPolicy(`${c.policyDir}/nope`).problems)).toMatchInlineSnapshot(`
      "policy/nope: the policy folder does not exist [policy-dir-missing]
        hint: run from your project folder (where policy/ lives), pass --project DIR or --policy DIR, or start one with \`slapage init\`"
    `);
    expect(c.render(loadPolicy(c.root).problems)).toMatchInlineSnapshot(`
      "policy: folder \`policy\` is not a version (expected MAJOR.MINOR, like "3.2") [bad-version-folder]
        hint: rename the folder to its version number, or move it out of the policy folder
      .: the policy folder has no version folders [no-versions]
        hint: run \`slapage init\` to start version 1.0 with every file, or add a folder named like "1.0" holding the policy files"
    `);
  });
});
