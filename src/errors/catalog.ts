/**
 * Every problem the tool reports, in one catalog: a stable code, a message built from the
 * problem's parameters, and a hint that says how to fix it. Messages are UI: tests pin them.
 */

type Params = Record<string, string | number | undefined>;

export interface ErrorDef {
  /** A short title for the class of problem. */
  readonly title: string;
  readonly message: (p: Params) => string;
  readonly hint?: (p: Params) => string | undefined;
  /** Warnings are shown but do not fail validation. */
  readonly severity?: 'error' | 'warning';
}

const q = (v: unknown) => `\`${String(v)}\``;
const didYouMean = (p: Params) => (p.suggestion ? `did you mean ${q(p.suggestion)}?` : undefined);
/** What happened to one file of a release since: added, removed, edited at a line, or edited at a line not known. */
const releasedChange = (p: Params) => {
  if (p.change === 'added') return `${p.file} was added since (it is not in the lock)`;
  if (p.change === 'removed') return `${p.file} was removed since`;
  const hashes = `(lock ${p.expected}, now ${p.actual})`;
  if (p.line !== undefined) return `${p.file} changed at line ${p.line} since ${hashes}`;
  return p.unlocated === 'no-fingerprint'
    ? `${p.file} changed since ${hashes}; the line is unknown: the lock entry predates line fingerprints`
    : `${p.file} changed since ${hashes}; the line is unknown: every line matches its fingerprint`;
};
const gitHint = (p: Params) => (p.change === 'edited' && p.line === undefined ? '; `git diff` (or `git log -p`) on the file shows the edit' : '');

export const catalog = {
  // --- files and folders ---
  'policy-dir-missing': {
    title: 'Policy folder not found',
    message: () => 'the policy folder does not exist',
    hint: () => 'run from your project folder (where policy/ lives), pass --project DIR or --policy DIR, or start one with `slapage init`',
  },
  'no-versions': {
    title: 'No versions',
    message: () => 'the policy folder has no version folders',
    hint: () => 'run `slapage init` to start version 1.0 with every file, or add a folder named like "1.0" holding the policy files',
  },
  'bad-version-folder': {
    title: 'Bad version folder name',
    message: (p) => `folder ${q(p.name)} is not a version (expected MAJOR.MINOR, like "3.2")`,
    hint: () => 'rename the folder to its version number, or move it out of the policy folder',
  },
  'missing-file': {
    title: 'Missing file',
    message: (p) => `version ${p.version} has no ${p.file}`,
    hint: (p) => `every version needs ${p.file}; copy it from the previous version and edit it`,
  },
  'unknown-file': {
    title: 'Unknown file',
    message: (p) => `unknown file ${q(p.file)} in version ${p.version}`,
    hint: (p) => (p.suggestion ? `did you mean ${q(p.suggestion)}? ` : '') + 'policy files are: ' + String(p.known),
  },
  'empty-file': {
    title: 'Empty file',
    message: (p) => `${p.file} is empty`,
    hint: () => 'fill in the required keys; see docs in the JSON Schema under schema/ or the previous version',
  },
  'file-too-large': {
    title: 'File too large',
    message: (p) => `file is ${p.size}; the limit is ${p.limit}`,
    hint: () => 'policy files are short; check that the right file was saved here',
  },
  'not-a-file': {
    title: 'Not a regular file',
    message: (p) => `${p.file} is ${p.what}`,
    hint: () => 'policy files and version folders must be the real thing, not links; replace it with the file or folder itself',
  },
  'not-utf8': {
    title: 'Not UTF-8',
    message: () => 'file is not valid UTF-8',
    hint: () => 'save the file as UTF-8',
  },

  'nda-annex-bad-name': {
    title: 'Bad NDA annex file name',
    message: (p) => `${q(p.file)} in policy/nda/ is not an annex file (expected a number, like "2.yaml")`,
    hint: (p) => (p.suggestion ? `rename it to ${q(p.suggestion)}; ` : '') + 'NDA annexes are numbered in the order they are written: policy/nda/1.yaml, 2.yaml, …',
  },

  // --- YAML ---
  'yaml-syntax': {
    title: 'YAML syntax error',
    message: (p) => `YAML syntax error: ${p.detail}`,
    hint: (p) => (p.tab ? 'indent with spaces; YAML does not allow tabs for indentation' : 'check indentation, colons and quotes on this line'),
  },
  'yaml-warning': {
    title: 'YAML warning',
    message: (p) => `YAML: ${p.detail}`,
    hint: () => 'warnings are treated as errors so that nothing is read differently from how it looks',
  },
  'yaml-duplicate-key': {
    title: 'Duplicate key',
    message: (p) => `duplicate key ${q(p.key)}`,
    hint: () => 'each key may appear once in a mapping; remove or merge the duplicate',
  },
  'yaml-non-string-key': {
    title: 'Non-string key',
    message: (p) => `key ${q(p.key)} is not a plain string`,
    hint: () => 'keys are lowercase words like `target_percent`',
  },
  'yaml-proto-key': {
    title: 'Reserved key',
    message: (p) => `key ${q(p.key)} is reserved`,
    hint: () => 'remove this key; it can alter objects in the programs that read the policy',
  },
  'yaml-alias': {
    title: 'Anchors and aliases not allowed',
    message: (p) => (p.anchor ? `anchor ${q(`&${p.name}`)} is not allowed` : `alias ${q(`*${p.name}`)} is not allowed`),
    hint: () => 'write the value out in full; anchors and aliases make a reviewer read two places (and allow alias bombs)',
  },
  'yaml-merge-key': {
    title: 'Merge key not allowed',
    message: () => 'merge key `<<` is not allowed',
    hint: () => 'write the keys out in full',
  },
  'yaml-tag': {
    title: 'Tag not allowed',
    message: (p) => `tag ${q(p.tag)} is not allowed`,
    hint: () => 'remove the tag; quote the value if it should be a string',
  },
  'yaml-directive': {
    title: 'Directive not allowed',
    message: (p) => `directive ${q(p.directive)} is not allowed`,
    hint: () => 'remove the line: policy files are YAML 1.2 (core schema), where yes/no/on/off are strings, not booleans',
  },
  'date-unquoted': {
    title: 'Unquoted date',
    message: (p) => `date ${p.date} is not quoted`,
    hint: (p) => `quote it: "${p.date}" (unquoted, some YAML readers turn it into a timestamp)`,
  },
  'yaml-indentation': {
    title: 'Indentation',
    message: (p) => `this line is indented ${p.detail}`,
    hint: (p) => p.hint as string | undefined,
  },
  'yaml-multiple-documents': {
    title: 'Multiple documents',
    message: () => 'a second YAML document starts here',
    hint: () => 'one document per file: remove the `---` line and what follows, or move it to its own file',
  },
  'yaml-too-deep': {
    title: 'Nesting too deep',
    message: (p) => `nesting deeper than ${p.limit} levels`,
    hint: () => 'policy files are at most a few levels deep; check the indentation',
  },
  'more-problems': {
    title: 'More problems',
    message: (p) => `${p.count} more problem${p.count === 1 ? '' : 's'} in this file not shown`,
    hint: () => 'fix the problems above and run validate again; they are often echoes of the first one',
  },
  'text-control': {
    title: 'Invisible or control character',
    message: (p) => `text contains ${p.what} (${p.codepoint})`,
    hint: (p) => p.hint as string | undefined,
  },

  // --- schema ---
  'unknown-key': {
    title: 'Unknown key',
    message: (p) => `unknown key ${q(p.key)}` + (p.where ? ` in ${p.where}` : ''),
    hint: (p) => didYouMean(p) ?? `allowed keys here: ${p.allowed}`,
  },
  'missing-key': {
    title: 'Missing key',
    message: (p) => `missing required key ${q(p.key)}` + (p.where ? ` in ${p.where}` : ''),
    hint: (p) => `add \`${p.key}:\` here` + (p.expected ? ` (${p.expected})` : ''),
  },
  'invalid-type': {
    title: 'Wrong type',
    message: (p) => `${p.field}: expected ${p.expected}, got ${p.received}`,
    hint: (p) => p.hint as string | undefined,
  },
  'invalid-value': {
    title: 'Value not allowed',
    message: (p) => `${p.field}: ${q(p.value)} is not one of ${p.allowed}`,
    hint: (p) => didYouMean(p) ?? `use one of ${p.allowed}`,
  },
  'out-of-range': {
    title: 'Out of range',
    message: (p) => `${p.field}: ${p.detail}`,
    hint: (p) => p.hint as string | undefined,
  },
  'invalid-format': {
    title: 'Bad format',
    message: (p) => `${p.field}: ${p.detail}`,
    hint: (p) => p.hint as string | undefined,
  },

  // --- rules across fields and files ---
  'version-mismatch': {
    title: 'Version does not match folder',
    message: (p) => `version ${q(p.version)} does not match its folder ${q(p.folder)}`,
    hint: (p) => `set version: "${p.folder}", or rename the folder`,
  },
  'version-unquoted': {
    title: 'Unquoted version',
    message: (p) => `version is the number ${p.number}, not a string: unquoted ${p.source} reads as ${p.number} in YAML`,
    hint: (p) => `quote it: version: "${p.source}"`,
  },
  'effective-before-updated': {
    title: 'Effective before updated',
    message: (p) => `effective date ${p.effective} is before the updated date ${p.updated}`,
    hint: () => 'commitments take effect on or after the day they are published',
  },
  'latency-order': {
    title: 'Percentiles out of order',
    message: (p) => `${p.operation}: ${p.detail}`,
    hint: () => 'percentiles must satisfy p50_ms <= p95_ms <= p99_ms',
  },
  'credit-tier-order': {
    title: 'Credit tiers out of order',
    message: (p) => `credit tier ${p.index}: ${p.detail}`,
    hint: () => 'list tiers from the mildest outage to the worst: below_percent strictly falling, credit_percent strictly rising',
  },
  'credit-first-tier-above-target': {
    title: 'First credit tier above target',
    message: (p) => `the first tier starts below ${p.below}%, above the uptime target ${p.target}%`,
    hint: () => 'the first tier\'s below_percent must be at most uptime.yaml target_percent',
  },
  'credit-over-max': {
    title: 'Credit above cap',
    message: (p) => `credit ${p.credit}% is above max_credit_percent ${p.max}%`,
    hint: () => 'raise max_credit_percent or lower this tier',
  },
  'retries-with-pass-through': {
    title: 'Retries with pass-through',
    message: (p) => `retries is ${p.retries} but the policy is pass-through`,
    hint: () => 'set retries: 0 (or remove it), or change policy to retry',
  },
  'retry-bound-missing': {
    title: 'Retries unbounded',
    message: () => 'policy retry states neither how many retries (retries) nor for how long (max_retry_window_ms)',
    hint: () => 'add retries: the most retries after an upstream 429 (1 or more), or max_retry_window_ms: the longest time spent retrying, or both',
  },
  'retry-without-retries': {
    title: 'Retry policy with no retries',
    message: () => 'retries is 0 but the policy is retry',
    hint: () => 'set policy: pass-through if nothing is retried, or give retries the most retries the platform makes (1 or more), or remove retries and bound the retrying with max_retry_window_ms',
  },
  'retry-window-with-pass-through': {
    title: 'Retry window with pass-through',
    message: () => 'max_retry_window_ms is set but the policy is pass-through, which retries nothing',
    hint: () => 'remove max_retry_window_ms, or set policy: retry',
  },
  'upstream-retry-with-pass-through': {
    title: 'Upstream retries with pass-through',
    message: () => 'upstream_down.behaviour is retry-then-fail but the policy is pass-through, which retries nothing',
    hint: () => 'use behaviour fail-fast or failover, or set policy: retry with its bounds (retries, max_retry_window_ms)',
  },
  'cache-detail-without-cache': {
    title: 'Cache details without a cache',
    message: () => 'caching.cached is false, yet ttl_seconds or scope is set',
    hint: () => 'remove ttl_seconds and scope, or set cached: true',
  },
  'hashing-without-hashed-storage': {
    title: 'Hashing with another storage',
    message: (p) => `tokens.hashing is set but tokens.storage is ${p.storage}`,
    hint: () => 'remove hashing, or set storage: hashed',
  },
  'expected-date-with-status': {
    title: 'Expected date with a settled status',
    message: (p) => `${p.name}: expected is set but the status is ${p.status}`,
    hint: () => 'expected is the date a planned or in-progress certification is due: remove it, or set status: planned or in-progress',
  },
  'certification-scope-missing': {
    title: 'Certification scope missing',
    message: (p) => `${p.name}: scope is missing`,
    hint: () => 'add scope: what the certification covers (only status not-offered may leave it out)',
  },
  'retry-on-with-pass-through': {
    title: 'Retried conditions with pass-through',
    message: () => 'retry_on is set but the policy is pass-through, which retries nothing',
    hint: () => 'remove retry_on, or change policy to retry',
  },
  'latency-upstream-share-missing': {
    title: 'Upstream share missing',
    message: () => 'scope end-to-end needs upstream_share',
    hint: () => 'add upstream_share: how much of the committed time is the upstream API\'s, and what happens when it is slow',
  },
  'auth-model-incomplete': {
    title: 'Authentication model incomplete',
    message: (p) => `model ${p.model} needs ${q(p.key)}`,
    hint: (p) => `add \`${p.key}:\` with ${p.what}`,
  },
  'question-unanswered': {
    title: 'Procurement question unanswered',
    severity: 'warning',
    message: (p) => `procurement asks about "${p.question}", and version ${p.version} does not answer it (#${p.section} says nothing on it)`,
    hint: (p) => `add ${q(p.key)} to ${p.file}${p.released ? ' in the next version' : ''} to answer it, with ${p.needs}`,
  },
  'latency-end-to-end': {
    title: 'End-to-end latency commitment',
    severity: 'warning',
    message: () => 'latency objectives cover end-to-end time, which includes upstream APIs the platform does not control',
    hint: () => 'consider scope: gateway-overhead (the time the platform adds), which the platform can keep; keep upstream_share honest if not',
  },
  'token-passthrough-on': {
    title: 'Token passthrough',
    severity: 'warning',
    message: () => 'token_passthrough is true: MCP clients\' tokens reach upstream APIs',
    hint: () => 'the MCP specification forbids passing a client\'s token upstream; issue upstream credentials per connection instead',
  },
  'duplicate-identity': {
    title: 'Duplicate entry',
    message: (p) => `duplicate ${p.key} ${q(p.value)}, already used by entry ${p.first}`,
    hint: (p) => `each entry needs a unique ${p.key}: the changelog follows entries by it`,
  },

  'nda-annex-range': {
    title: 'NDA annex range backwards',
    message: (p) => `annex.versions.through ${q(p.through)} is before annex.versions.from ${q(p.from)}`,
    hint: () => 'set `through` to the last public version the annex applies to (not before `from`), or leave it out to cover every version from `from` on',
  },
  'nda-annex-covers-nothing': {
    title: 'NDA annex covers no version',
    severity: 'warning',
    message: (p) => `NDA annex ${p.annex} applies to no version in the policy folder (versions: ${p.versions})`,
    hint: () => 'set annex.versions.from (and through, if given) to the public versions whose NDA edition should carry this annex',
  },

  // --- versions and releases ---
  'released-version-changed': {
    title: 'Released version changed',
    message: (p) => `version ${p.version} is released and ${releasedChange(p)}`,
    hint: (p) =>
      (p.draft
        ? `released versions are immutable: undo the edit and make the change in ${p.draft}/${p.file} instead: draft ${p.draft} is not released yet`
        : `released versions are immutable: undo the edit and cut a new version with \`slapage new-version ${p.next}\``) + gitHint(p),
  },
  'released-version-missing': {
    title: 'Released version missing',
    message: (p) => `version ${p.version} is in the release lock but its folder is missing`,
    hint: () => 'restore the folder: released versions stay published',
  },
  'released-annex-changed': {
    title: 'Released NDA annex changed',
    message: (p) => `NDA annex ${p.annex} is released and ${releasedChange({ ...p, file: `policy/nda/${p.annex}.yaml` })}`,
    hint: (p) =>
      (p.draft
        ? `released annexes are immutable: undo the edit and make the change in policy/nda/${p.draft}.yaml instead: annex ${p.draft} is not released yet`
        : `released annexes are immutable: undo the edit and put the new content in a new annex, policy/nda/${p.next}.yaml (it supersedes ${p.annex} for the versions it covers), then \`slapage release --nda ${p.next}\``) + gitHint(p),
  },
  'released-annex-missing': {
    title: 'Released NDA annex missing',
    message: (p) => `NDA annex ${p.annex} is in the release lock but ${p.file} is missing`,
    hint: () => 'restore the file: NDA editions already given out name this annex',
  },
  'lock-invalid': {
    title: 'Bad lock file',
    message: (p) => `release lock is unreadable: ${p.detail}`,
    hint: () => 'restore policy/releases.lock.json from version control; it is written by `slapage release`',
  },
  'updated-before-previous': {
    title: 'Dated before the previous version',
    message: (p) => `${p.key} ${p.date} is before version ${p.previous}'s ${p.key} ${p.previousDate}`,
    hint: (p) => `a newer version cannot be published or take effect before the one it replaces: set ${p.key}: "${p.previousDate}" or later`,
  },
  'release-notice-too-short': {
    title: 'Notice from the release date too short',
    message: (p) =>
      `${p.change}: released on ${p.released}, ${p.given} day${p.given === 1 ? '' : 's'} before it takes effect on ${p.effective}, but ${p.rule} requires ${p.required} days of notice`,
    hint: (p) => `the notice runs from the release, not from an earlier updated date: set updated: "${p.released}" and effective: "${p.earliest}" or later in meta.yaml, then release again`,
  },
  'notice-too-short': {
    title: 'Notice period too short',
    message: (p) => `${p.change}: takes effect ${p.effective}, ${p.given} days after publication, but ${p.rule} requires ${p.required} days of notice; the earliest allowed effective date is ${p.earliest}`,
    hint: (p) => `set effective: "${p.earliest}" or later in meta.yaml, or keep the previous commitment`,
  },

  // --- measurements ---
  'measurement-exceeds-objective': {
    title: 'Measurement above objective',
    message: (p) => `${p.operation} ${p.percentile}: committed ${p.committed} ms in ${p.objectives} but measured ${p.measured} ms in ${p.measurement}`,
    hint: () => 'raise the objective (a weaker commitment needs notice) or make the gateway faster and measure again (`npm run measure` for the reference gateway, `slapage measure --gateway URL` for your own)',
  },
  'measurement-missing': {
    title: 'Latency not measured yet',
    severity: 'warning',
    message: (p) => `version ${p.version} commits to latency objectives, and no measurement backs them yet: the page says "not measured"`,
    hint: () => 'measure your gateway with `slapage measure --gateway MCP_URL --direct UPSTREAM_URL` and commit the file it writes under content/measurements/',
  },
  'measurement-stale': {
    title: 'Old measurement',
    severity: 'warning',
    message: (p) => `measurement ${p.measurement} was taken ${p.days} days before version ${p.version}'s updated date (more than ${p.limit})`,
    hint: () => 'measure again (`slapage measure`) and commit the new file under content/measurements/',
  },
  'measurement-other-gateway': {
    title: 'Measurement of another gateway version',
    severity: 'warning',
    message: (p) => `measurement ${p.measurement} was taken on gateway ${p.measured}, the gateway is now ${p.current}`,
    hint: () => 'measure again (`slapage measure`) and commit the new file under content/measurements/',
  },
  'measurement-invalid': {
    title: 'Bad measurement file',
    message: (p) => `measurement file is invalid: ${p.detail}`,
    hint: () => 'measurement files are written by `slapage measure`; do not edit them by hand',
  },

  // --- uptime sources (content/uptime/) ---
  'uptime-invalid': {
    title: 'Bad uptime source',
    message: (p) => `uptime source is invalid: ${p.detail}`,
    hint: () => 'fix the line or value shown (each format is described in the README under "Uptime sources"); nothing is published until every file under content/uptime/ reads',
  },
  'uptime-unknown-file': {
    title: 'Unknown uptime source',
    message: (p) => `${q(p.file)} is not a format slapage reads`,
    hint: () =>
      'content/uptime/ holds probe-YYYY-MM.csv (slapage probe), a CSV of outages (start,end,component,impact), Upptime history files, Better Stack sla-YYYY-MM.json or incident lists, Statuspage incidents.json; move other files elsewhere',
  },
  'uptime-missed-no-incident': {
    title: 'Missed window without an incident',
    severity: 'warning',
    message: (p) => `${p.window}: availability ${p.availability} is below the ${p.target} target of version ${p.version}, and ${p.why}`,
    hint: () => 'incidents.yaml holds response targets, not a list of past incidents: publish the post-mortem on your status page (incidents.status_page) so buyers can match the missed window to it, and check the uptime data if there was no incident',
  },
  'uptime-record-future': {
    title: 'Uptime record in the future',
    severity: 'warning',
    message: (p) => `${p.file} records ${p.at}, after the build date ${p.today}; it is not counted`,
    hint: () => 'check the clock of the machine that wrote it, or set SLA_TODAY to the build date you mean',
  },
  'uptime-record-outside-versions': {
    title: 'Uptime record before any published version',
    severity: 'warning',
    message: (p) => `${p.file} records ${p.at}, before version ${p.version} (the first published) took effect on ${p.effective}; no target applies, so it is not counted`,
    hint: () => 'nothing to do if the data predates the SLA; otherwise check the version\'s effective date',
  },

  // --- verification evidence ---
  'evidence-check-failed': {
    title: 'Claim not backed by the gateway',
    message: (p) => `${p.claim}: the gateway ${p.did} (check ${p.check}, ${p.evidence})`,
    hint: () => 'fix the gateway or the claim, then run `slapage verify` and commit the new evidence file',
  },
  'evidence-stale': {
    title: 'Old verification evidence',
    severity: 'warning',
    message: (p) => `evidence ${p.evidence} for version ${p.version} is ${p.days} days old (more than ${p.limit})`,
    hint: () => 'run `slapage verify` and commit the new file under content/evidence/',
  },
  'evidence-other-gateway': {
    title: 'Evidence from another gateway version',
    severity: 'warning',
    message: (p) => `evidence ${p.evidence} was taken on gateway ${p.verified}, the gateway is now ${p.current}`,
    hint: () => 'run `slapage verify` and commit the new file under content/evidence/',
  },
  'evidence-invalid': {
    title: 'Bad evidence file',
    message: (p) => `evidence file is invalid: ${p.detail}`,
    hint: () => 'evidence files are written by `slapage verify`; do not edit them by hand',
  },

  // --- outputs ---
  'security-txt-expiring': {
    title: 'security.txt expiring',
    severity: 'warning',
    message: (p) => `security.txt for ${p.version} expires on ${p.expires}, ${p.days} days from ${p.today}`,
    hint: () => 'publish a new version: Expires is derived from the latest version\'s updated date',
  },
  'nothing-released': {
    title: 'Nothing released',
    message: () => 'no version is released, and a production build publishes released versions only',
    hint: (p) => `release the version that is final with \`slapage release ${p.latest}\` (and commit the lock), or preview drafts with \`slapage build --drafts\``,
  },
  'anchor-removed': {
    title: 'Anchor removed',
    message: (p) => `anchor #${p.anchor} was published by version ${p.version} but the latest page (${p.latest}) lacks it`,
    hint: () => 'anchors are a contract with contract exhibits: keep the old id as an alias of the renamed section',
  },
  'font-coverage': {
    title: 'Character not in the PDF font',
    message: (p) => `${p.field}: the PDF font cannot draw ${p.chars}`,
    hint: () => 'replace the characters (the PDF embeds one font covering Latin, Greek and Cyrillic), or transliterate them',
  },
  'pdf-version-unknown': {
    title: 'Unknown version',
    message: (p) => `version ${q(p.version)} is not in the policy folder (versions: ${p.versions})`,
    hint: () => 'pass --version with one of the listed versions, or leave it out for the latest',
  },
  'pdf-no-nda': {
    title: 'No NDA annex',
    message: (p) => `version ${p.version} has no NDA annex: no policy/nda/<N>.yaml covers it and it has no nda.yaml, so there is no NDA edition to produce`,
    hint: (p) => `add an annex file policy/nda/${p.next}.yaml whose annex.versions covers ${p.version} (or policy/${p.version}/nda.yaml), or pick a version that has one with --version`,
  },
  'pdf-annex-unknown': {
    title: 'Unknown NDA annex',
    message: (p) => `there is no NDA annex ${q(p.annex)} (annexes: ${p.annexes})`,
    hint: () => 'pass --annex with the number of a file in policy/nda/ (or the version, for its own nda.yaml), or leave it out for the newest annex that covers the version',
  },
  'pdf-annex-not-for-version': {
    title: 'NDA annex for other versions',
    message: (p) => `NDA annex ${p.annex} applies to ${p.range}, not to v${p.version}`,
    hint: (p) => `pick a version the annex covers with --version, or an annex that covers v${p.version}` + (p.covering ? ` (${p.covering})` : ''),
  },
  'pdf-recipient-invalid': {
    title: 'Bad NDA recipient',
    message: (p) => `recipient ${q(p.recipient)}: ${p.detail}`,
    hint: () => 'pass the company name as written in the NDA, e.g. --recipient "Acme Corp"',
  },
  'pdf-date-invalid': {
    title: 'Bad date',
    message: (p) => `--date ${q(p.date)} is not a calendar date like 2026-07-01`,
    hint: () => 'pass the date the copy is provided on as YYYY-MM-DD, or leave it out for today',
  },
  'pdf-out-in-dist': {
    title: 'NDA edition inside dist/',
    message: (p) => `${p.out} is inside ${p.dist}, which is published`,
    hint: () => 'write the NDA edition outside the site output, e.g. --out ./sla-nda.pdf (the default is the working directory)',
  },
  'unknown-command': {
    title: 'Unknown command',
    message: (p) => `unknown command ${q(p.command)}`,
    hint: (p) => (p.suggestion ? `did you mean ${q(p.suggestion)}? ` : '') + 'the commands are listed below',
  },
  // --- the project: slapage.config.yaml, placeholders, the built site ---
  'todo-placeholder': {
    title: 'Placeholder to fill in',
    message: (p) => `${p.field}: still a placeholder: ${p.what}`,
    hint: () => 'replace the TODO text with the real value; nothing is published while a placeholder is left',
  },
  'accent-contrast': {
    title: 'Accent colour too light',
    message: (p) => `brand.accent_color ${p.color} has a contrast of ${p.ratio}:1 on white; links need at least 4.5:1 (WCAG AA)`,
    hint: (p) => `use ${p.suggestion} (${p.suggestionRatio}:1), the nearest shade of the same hue that passes`,
  },
  'logo-missing': {
    title: 'Logo not found',
    message: (p) => `brand.logo: ${q(p.path)} ${p.why}`,
    hint: () => 'give the path of an SVG or PNG file relative to the project folder (where slapage.config.yaml is)',
  },
  'logo-invalid': {
    title: 'Logo not usable',
    message: (p) => `brand.logo: ${q(p.path)} ${p.why}`,
    hint: (p) => String(p.fix),
  },
  'check-failed': {
    title: 'Site check failed',
    message: (p) => String(p.detail),
    hint: (p) => (p.fix ? String(p.fix) : undefined),
  },
} as const satisfies Record<string, ErrorDef>;

export type ErrorCode = keyof typeof catalog;

/** One reported problem, located in a file. line and column are 1-based; 0 when unknown. */
export interface Problem {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly code: ErrorCode;
  readonly severity: 'error' | 'warning';
  readonly message: string;
  readonly hint?: string;
  /** A few source lines around the location with a caret. */
  readonly frame?: string;
}

/** Builds the message, hint and severity of a problem from its code and parameters. */
export function describe(code: ErrorCode, params: Params = {}): Pick<Problem, 'code' | 'severity' | 'message' | 'hint'> {
  const def: ErrorDef = catalog[code];
  const hint = def.hint?.(params);
  return { code, severity: def.severity ?? 'error', message: def.message(params), ...(hint ? { hint } : {}) };
}

export type { Params as ProblemParams };
