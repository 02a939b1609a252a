import { inventorySchema, INVENTORY_PARTS, type CoverageGap } from '../inventory/schema.ts';
import { accountRef, type CheckOutcome, type ResourceRef } from './check.ts';

/**
 * Which results a coverage gap takes away. A check's `needs` name parts (`s3.buckets`) or single data of a
 * part (`s3.buckets.tlsOnlyPolicy`); a check that names no datum of a part reads all of them. A gap that
 * concerns one datum (`attribute`) or one resource (`resource`) changes only the verdicts that need it.
 */

function partOf(need: string): string {
  return INVENTORY_PARTS.includes(need) ? need : need.split('.').slice(0, 2).join('.');
}

/** A need names a part, or a field of the part's items (`s3.buckets.tlsOnlyPolicy`). */
export function isKnownNeed(need: string): boolean {
  if (INVENTORY_PARTS.includes(need)) return true;
  const [service = '', key = '', field, ...rest] = need.split('.');
  if (field === undefined || rest.length > 0 || !INVENTORY_PARTS.includes(`${service}.${key}`)) return false;
  return itemFields(service, key).includes(field);
}

function itemFields(service: string, key: string): string[] {
  const services = inventorySchema.shape as unknown as Record<string, { shape: Record<string, unknown> }>;
  let schema = services[service]?.shape[key] as { _def: { innerType?: unknown; type?: unknown } } | undefined;
  while (schema?._def.innerType) schema = schema._def.innerType as typeof schema;
  const element = schema?._def.type as { shape?: Record<string, unknown> } | undefined;
  return Object.keys(element?.shape ?? {});
}

/** True when the check reads what the gap says is missing. Part `*` (a whole account or region) concerns every check. */
export function gapConcernsCheck(needs: readonly string[], gap: CoverageGap): boolean {
  if (gap.part === '*') return true;
  const partNeeded = needs.some(
    (need) => partOf(need) === gap.part || partOf(need).startsWith(`${gap.part}.`),
  );
  if (!partNeeded || !gap.attribute) return partNeeded;
  const namedData = needs.filter((need) => need.startsWith(`${gap.part}.`));
  return namedData.length === 0 || namedData.includes(gap.attribute);
}

/** True when the outcome is about something the gap left unread. */
export function outcomeInGap(outcome: CheckOutcome, gap: CoverageGap): boolean {
  if (gap.resource) return outcome.resource.arn === gap.resource;
  return (
    outcome.resource.accountId === gap.accountId &&
    (gap.region === '*' || gap.region === outcome.resource.region || outcome.resource.region === 'global')
  );
}

function gapRegion(gap: CoverageGap): string {
  return gap.region === '*' ? 'global' : gap.region;
}

function gapResource(gap: CoverageGap): ResourceRef {
  return gap.resource
    ? { arn: gap.resource, accountId: gap.accountId, region: gapRegion(gap), name: '' }
    : accountRef(gap.accountId, gapRegion(gap));
}

/** The `error` result that stands for what a gap left unjudged. */
export function gapOutcome(gap: CoverageGap): CheckOutcome {
  const what = gap.attribute ?? gap.part;
  const where =
    gap.resource ?? `account ${gap.accountId}, ${gap.region === '*' ? 'all regions' : gap.region}`;
  return {
    status: 'error',
    resource: gapResource(gap),
    evidence: `could not read ${what} in ${where}: ${gap.reason} (${gap.message})${gap.hint ? `. ${gap.hint}` : ''}`,
    messageId: 'coverage-gap',
    details: {
      part: gap.part,
      reason: gap.reason,
      operation: gap.operation ?? null,
      ...(gap.attribute ? { attribute: gap.attribute } : {}),
      ...(gap.httpStatus !== undefined ? { httpStatus: gap.httpStatus } : {}),
    },
  };
}

/** One gap per account, region, part, datum and resource: several failed calls are one gap to the reader. */
export function distinctGaps(gaps: readonly CoverageGap[]): CoverageGap[] {
  const seen = new Set<string>();
  return gaps.filter((gap) => {
    const key = `${gap.accountId}/${gap.region}/${gap.part}/${gap.attribute ?? ''}/${gap.resource ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
