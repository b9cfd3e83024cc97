/** Which optional outputs the site publishes: the integration injects every route, so all of them. */
import type { Available } from './links.ts';

export const available: Available = { pdf: true, changelog: true, changelogFeed: true, subprocessorsFeed: true };
