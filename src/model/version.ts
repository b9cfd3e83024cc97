/** Policy version strings "MAJOR.MINOR": parsing, numeric ordering (3.10 > 3.9), the next version. */

export const VERSION_PATTERN = /^(\d+)\.(\d+)$/;

export function isVersion(value: string): boolean {
  return VERSION_PATTERN.test(value);
}

/** Numeric comparison for sort(): negative when a is older than b. */
export function compareVersions(a: string, b: string): number {
  const [aMajor, aMinor] = parts(a);
  const [bMajor, bMinor] = parts(b);
  return aMajor - bMajor || aMinor - bMinor;
}

/** The minor version after this one: 3.9 -> 3.10. */
export function nextMinor(version: string): string {
  const [major, minor] = parts(version);
  return `${major}.${minor + 1}`;
}

/** The anchor id of a version on the changelog page: 3.2 -> v3-2. */
export function versionAnchor(version: string): string {
  return `v${version.replace('.', '-')}`;
}

function parts(version: string): [number, number] {
  const match = VERSION_PATTERN.exec(version);
  if (!match) throw new Error(`not a version: ${version}`);
  return [Number(match[1]), Number(match[2])];
}
