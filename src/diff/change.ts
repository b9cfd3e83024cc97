/** The Change record: one difference between two versions of the public policy, judged from the customer's side. */
import type { PublicKind } from '../model/policy.ts';

export type Direction = 'stronger' | 'weaker' | 'neutral';
export type ChangeKind = 'added' | 'removed' | 'changed';

export interface Change {
  /** Anchor id of the page section that shows the value, e.g. "uptime" (meta's is "summary"). */
  readonly section: string;
  /** Dotted path with list items named by identity, e.g. `subprocessors.entries[name=Example Hosting, Inc.]`. */
  readonly path: string;
  readonly kind: ChangeKind;
  /** The older value; null when added. */
  readonly from: unknown;
  /** The newer value; null when removed. */
  readonly to: unknown;
  readonly direction: Direction;
  /** True for every weaker change and for an added sub-processor: these need notice before they take effect. */
  readonly material: boolean;
  /** One plain sentence, e.g. "Uptime target raised from 99.9% to 99.95%". */
  readonly summary: string;
  /**
   * Where the change sits in the newer version's files: [file kind, ...path with list indexes].
   * For a removed value, the nearest container that still exists.
   */
  readonly at: readonly [PublicKind, ...(string | number)[]];
}

export function flip(direction: Direction): Direction {
  return direction === 'stronger' ? 'weaker' : direction === 'weaker' ? 'stronger' : 'neutral';
}
