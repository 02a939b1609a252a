import type { ZodIssue } from 'zod';

/** One line per problem, with its path, so a user sees every problem at once. */
export function formatZodIssues(issues: readonly ZodIssue[], limit = 20): string {
  const lines = issues
    .slice(0, limit)
    .map((issue) => `  - ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  if (issues.length > limit) lines.push(`  … and ${issues.length - limit} more`);
  return lines.join('\n');
}
