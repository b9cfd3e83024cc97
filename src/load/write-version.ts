/** Writes a typed policy version as YAML files (one per kind, with the editor modeline): the inverse of the loader, for generators and tests. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, isScalar, visit } from 'yaml';
import { fileNameOf, publicKinds, type Nda, type Policy } from '../model/policy.ts';

/** The YAML text of one file, starting with the yaml-language-server modeline the example uses. */
export function policyFileText(kind: string, value: unknown): string {
  const doc = new Document(value, { version: '1.2', aliasDuplicateObjects: false });
  // The format writes dates quoted, as PMs are told to.
  visit(doc, {
    Scalar(_, node) {
      if (isScalar(node) && typeof node.value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
  // lineWidth 0: never fold, so a generated value reads back exactly as given.
  return `# yaml-language-server: $schema=../../schema/${kind}.schema.json\n` + doc.toString({ lineWidth: 0 });
}

/** Writes `dir/<kind>.yaml` for every public kind, and nda.yaml when given. Creates `dir`. */
export function writeVersion(dir: string, policy: Policy, nda?: Nda): void {
  mkdirSync(dir, { recursive: true });
  for (const kind of publicKinds) writeFileSync(join(dir, fileNameOf(kind)), policyFileText(kind, policy[kind]));
  if (nda) writeFileSync(join(dir, fileNameOf('nda')), policyFileText('nda', nda));
}
