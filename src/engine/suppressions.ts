import picomatch from 'picomatch';
import { z } from 'zod';
import type { CheckResult } from './results.ts';

/**
 * A suppression accepts a known failure: it needs a reason, may expire, and matches checks and
 * resources by glob (ARN, resource name or finding key). Expired suppressions stop applying and warn.
 */
export const suppressionSchema = z.object({
  check: z.string().min(1),
  resource: z.string().min(1).default('*'),
  reason: z.string().min(3, 'a suppression needs a reason'),
  expires: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}/, 'expires is a date like 2027-03-31')
    .optional(),
});

export type Suppression = z.infer<typeof suppressionSchema>;

export function applySuppressions(
  results: CheckResult[],
  suppressions: readonly Suppression[],
  now: Date,
): { results: CheckResult[]; warnings: string[] } {
  const warnings: string[] = [];
  const active = suppressions.filter((suppression) => {
    if (suppression.expires && new Date(suppression.expires) < now) {
      warnings.push(
        `suppression of ${suppression.check} (${suppression.resource}) expired on ${suppression.expires}: its findings count again`,
      );
      return false;
    }
    return true;
  });
  const matchers = active.map((suppression) => ({
    suppression,
    check: picomatch(suppression.check),
    resource: picomatch(suppression.resource),
  }));
  const used = new Set<Suppression>();
  const updated = results.map((result) => {
    if (result.status !== 'fail') return result;
    const match = matchers.find(
      (candidate) =>
        candidate.check(result.checkId) &&
        [result.resource.arn, result.resource.name, result.findingKey].some((value) =>
          candidate.resource(value),
        ),
    );
    if (!match) return result;
    used.add(match.suppression);
    return {
      ...result,
      suppressed: { reason: match.suppression.reason, expires: match.suppression.expires ?? null },
    };
  });
  for (const suppression of active) {
    if (!used.has(suppression)) {
      warnings.push(
        `suppression of ${suppression.check} (${suppression.resource}) matched no failing result`,
      );
    }
  }
  return { results: updated, warnings };
}
