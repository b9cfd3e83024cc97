/** What a cross-version check is given and returns; validate.ts lists the checks, each in its own module. */
import type { Problem } from '../errors/catalog.ts';
import type { LoadedVersion } from '../load/load-version.ts';
import type { Releases } from '../load/release-lock.ts';

export interface ValidateOptions {
  /** "Today" as an ISO date, for checks that depend on it; defaults to the real date. */
  readonly today?: string;
  /** Where committed measurements live; defaults to SLA_MEASUREMENTS_DIR, else content/measurements beside the policy folder. */
  readonly measurementsDir?: string;
  /** The gateway version measurements should be of; defaults to packages/gateway beside the policy folder, null when absent. */
  readonly gatewayVersion?: string | null;
  /** Where committed verification evidence lives; defaults to content/evidence beside the policy folder. */
  readonly evidenceDir?: string;
  /** Where uptime sources live; defaults to content/uptime beside the policy folder. */
  readonly uptimeDir?: string;
}

/** A check over all loaded versions, listed in validate.ts. */
export type VersionsCheck = (versions: readonly LoadedVersion[], options: ValidateOptions & { readonly today: string; readonly releases: Releases }) => Problem[];
