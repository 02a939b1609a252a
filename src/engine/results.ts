import { z } from 'zod';
import { AREAS, PILLARS, SEVERITIES, STATUSES, checkMetadataSchema } from './check.ts';
import { coverageGapSchema } from '../inventory/schema.ts';

/** results.json: what `evaluate` produced, enough to report, record and diff without the checks. */
export const RESULTS_VERSION = 1;

export const resourceRefSchema = z.object({
  arn: z.string(),
  accountId: z.string(),
  region: z.string(),
  name: z.string().default(''),
  type: z.string().optional(),
});

export const suppressionRefSchema = z.object({ reason: z.string(), expires: z.string().nullable() });

export const resultSchema = z.object({
  checkId: z.string(),
  status: z.enum(STATUSES),
  severity: z.enum(SEVERITIES),
  area: z.enum(AREAS),
  pillar: z.enum(PILLARS),
  resource: resourceRefSchema,
  evidence: z.string(),
  messageId: z.string().optional(),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
  /** Stable across runs for the same check and resource: used to diff runs and key suppressions. */
  findingKey: z.string(),
  /** Set on a failing result that a suppression covers: it is shown but does not count. */
  suppressed: suppressionRefSchema.optional(),
});

const scoreSchema = z.object({
  score: z.number().nullable(),
  pass: z.number(),
  fail: z.number(),
  error: z.number(),
  notApplicable: z.number(),
});

export const resultsDocumentSchema = z.object({
  schemaVersion: z.literal(RESULTS_VERSION),
  generator: z.object({ name: z.literal('wareview'), version: z.string() }),
  evaluatedAt: z.string(),
  /** The run's identity: recording it in the WA Tool twice finds the first recording (older runs lack it). */
  runId: z.string().optional(),
  workload: z.string(),
  inventory: z.object({
    collectedAt: z.string(),
    scope: z.object({
      accounts: z.array(z.string()),
      regions: z.array(z.string()),
      organization: z.boolean(),
    }),
    accounts: z.array(z.object({ id: z.string(), name: z.string(), ouPath: z.array(z.string()) })),
    coverage: z.array(coverageGapSchema),
  }),
  lens: z.object({ alias: z.string(), version: z.string() }),
  checks: z.array(checkMetadataSchema),
  results: z.array(resultSchema),
  summary: z.object({
    total: scoreSchema,
    byArea: z.record(z.string(), scoreSchema),
    byPillar: z.record(z.string(), scoreSchema),
    failuresBySeverity: z.record(z.string(), z.number()),
  }),
  warnings: z.array(z.string()).default([]),
});

export type CheckResult = z.infer<typeof resultSchema>;
export type ResultsDocument = z.infer<typeof resultsDocumentSchema>;
export type Score = z.infer<typeof scoreSchema>;
