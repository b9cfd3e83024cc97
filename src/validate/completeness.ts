/**
 * Warnings a PM reads before procurement does: for the latest version, each procurement question the policy leaves
 * unanswered (naming the file and key that would answer it), and choices that go against the format's advice.
 */
import type { Problem } from '../errors/catalog.ts';
import { answers } from '../model/procurement.ts';
import type { VersionsCheck } from './versions-check.ts';

export const checkCompleteness: VersionsCheck = (versions, { releases }) => {
  const latest = versions.at(-1);
  if (!latest) return [];
  const problems: Problem[] = [];
  const { files, policy } = latest;
  for (const { question, answer } of answers(policy)) {
    if (answer !== undefined) continue;
    const file = files[question.kind];
    if (file) problems.push(file.problemAtPath(question.key, 'question-unanswered', {
          question: question.question,
          version: latest.version,
          key: question.key.join('.'),
          needs: question.needs,
          file: `${question.kind}.yaml`,
          section: question.section,
          released: latest.version in releases ? 'yes' : undefined,
        }));
  }
  if (policy.latency.scope === 'end-to-end') problems.push(files.latency!.problemAtPath(['scope'], 'latency-end-to-end'));
  if (policy.auth.token_passthrough === true) problems.push(files.auth!.problemAtPath(['token_passthrough'], 'token-passthrough-on'));
  return problems;
};
