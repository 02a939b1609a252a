import { z } from 'zod';
import type { Inventory } from '../inventory/schema.ts';

/**
 * The check contract. A check is metadata plus a pure `evaluate` function of the inventory:
 * no I/O, no clock (use `context.now`), no randomness. Built-in checks live in `checks/<area>/<id>.ts`;
 * user checks in any folder given with `--checks-dir` have the same shape.
 */
export const AREAS = ['account-separation', 'remote-access', 'encryption', 'database-ha'] as const;
export const PILLARS = [
  'operationalExcellence',
  'security',
  'reliability',
  'performance',
  'costOptimization',
  'sustainability',
] as const;
export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'informational'] as const;
export const STATUSES = ['pass', 'fail', 'not_applicable', 'error'] as const;
export const EFFORTS = ['low', 'medium', 'high'] as const;

export type Area = (typeof AREAS)[number];
export type Pillar = (typeof PILLARS)[number];
export type Severity = (typeof SEVERITIES)[number];
export type Status = (typeof STATUSES)[number];

/** Severity rank: higher is worse. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.length - SEVERITIES.indexOf(severity);
}

export const AREA_TITLES: Record<Area, string> = {
  'account-separation': 'Account separation and governance',
  'remote-access': 'Bastion hosts and remote access',
  encryption: 'Encryption at rest and in transit',
  'database-ha': 'Database high availability and failover',
};

export const checkMetadataSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'check ids are kebab-case'),
    title: z.string().min(10).max(120),
    area: z.enum(AREAS),
    pillar: z.enum(PILLARS),
    severity: z.enum(SEVERITIES),
    description: z.string().min(1).optional(),
    /** Inventory parts read by evaluate, e.g. `rds.instances`; gaps in them turn results into errors. */
    needs: z.array(z.string()).min(1),
    wellArchitected: z
      .array(
        z.object({
          question: z.string(),
          choice: z.string(),
          bestPractice: z.string().regex(/^[A-Z]{3,4}\d{2}-BP\d{2}$/),
        }),
      )
      .min(1),
    remediation: z.object({
      summary: z.string().min(1),
      steps: z.array(z.string().min(1)).min(1),
      /** A CLI or console snippet that performs or starts the fix. */
      snippet: z.string().optional(),
      effort: z.enum(EFFORTS),
      downtime: z.boolean().default(false),
      extraCost: z.boolean().default(false),
      /** A built-in automation the finding can start, e.g. `aurora-migration`. */
      automation: z.string().optional(),
    }),
    docsUrl: z.string().url().optional(),
    /** Evidence templates by message id; `{name}` placeholders are filled from result data. */
    messages: z.record(z.string(), z.string()).optional(),
  })
  .strict();

export type CheckMetadata = z.infer<typeof checkMetadataSchema>;
export type CheckMetadataInput = z.input<typeof checkMetadataSchema>;

/** What a result names: any inventory resource has these fields. */
export interface ResourceRef {
  arn: string;
  accountId: string;
  region: string;
  name?: string;
  type?: string;
}

export interface CheckOutcome {
  status: Exclude<Status, 'error'> | 'error';
  resource: ResourceRef;
  evidence: string;
  /** Message id from the check's `messages`, for table-driven tests and translations. */
  messageId?: string;
  /** Extra facts for reports (sizes, ports, ages). */
  details?: Record<string, string | number | boolean | null>;
}

export interface CheckContext {
  /** The snapshot's collection time: checks that judge ages use it instead of the clock. */
  now: Date;
}

export interface Check extends CheckMetadata {
  evaluate: (inventory: Inventory, context: CheckContext) => CheckOutcome[];
}

export interface CheckDefinition extends CheckMetadataInput {
  evaluate: (inventory: Inventory, context: CheckContext) => CheckOutcome[];
}

const METADATA_KEYS = Object.keys(checkMetadataSchema.shape) as (keyof CheckMetadata)[];

/** The metadata of a check without its function or loader bookkeeping, as results.json stores it. */
export function checkMetadata(check: CheckMetadata): CheckMetadata {
  const picked: Record<string, unknown> = {};
  for (const key of METADATA_KEYS) if (check[key] !== undefined) picked[key] = check[key];
  return picked as CheckMetadata;
}

/** Typed identity for check modules: `export default defineCheck({...})`. Validation happens at load time. */
export function defineCheck(definition: CheckDefinition): CheckDefinition {
  return definition;
}

function toRef(resource: ResourceRef, type?: string): ResourceRef {
  const ref: ResourceRef = {
    arn: resource.arn,
    accountId: resource.accountId,
    region: resource.region,
    name: resource.name ?? '',
  };
  const resourceType = type ?? resource.type ?? arnResourceType(resource.arn);
  if (resourceType) ref.type = resourceType;
  return ref;
}

type Extra = Pick<CheckOutcome, 'messageId' | 'details'>;

export function pass(resource: ResourceRef, evidence = 'compliant', extra: Extra = {}): CheckOutcome {
  return { status: 'pass', resource: toRef(resource), evidence, ...extra };
}

export function fail(resource: ResourceRef, evidence: string, extra: Extra = {}): CheckOutcome {
  return { status: 'fail', resource: toRef(resource), evidence, ...extra };
}

export function notApplicable(resource: ResourceRef, evidence: string, extra: Extra = {}): CheckOutcome {
  return { status: 'not_applicable', resource: toRef(resource), evidence, ...extra };
}

/** A result about a whole account rather than one resource (e.g. "no organization trail"). */
export function accountRef(accountId: string, region = 'global', name = ''): ResourceRef {
  return { arn: `arn:aws:::${accountId}`, accountId, region, name: name || accountId, type: 'account' };
}

/** `arn:aws:rds:eu-west-1:123:db:orders` → `rds:db`. */
export function arnResourceType(arn: string): string | undefined {
  const parts = arn.split(':');
  if (parts.length < 6 || !parts[2]) return undefined;
  const resourcePart = parts.slice(5).join(':');
  const kind = resourcePart.split(/[/:]/)[0];
  return kind && kind !== resourcePart ? `${parts[2]}:${kind}` : parts[2];
}
