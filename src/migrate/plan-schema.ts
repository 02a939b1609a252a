import { z } from 'zod';
import { readFile } from 'node:fs/promises';
import { userError } from '../errors.ts';
import { formatZodIssues } from '../util/zod-issues.ts';

/**
 * plan.json: written by `migrate plan`, read by `migrate run`, `validate` and `status`.
 * URLs are stored redacted (no password): commands that connect take the password again from the
 * URL's environment variable (WAREVIEW_SOURCE_PASSWORD / WAREVIEW_TARGET_PASSWORD) or a prompt.
 */
export const PLAN_SCHEMA_VERSION = 1;

export const dialectKindSchema = z.enum([
  'aurora',
  'aurora-2',
  'rds',
  'rds-8.4',
  'mysql',
  'mysql-legacy',
  'mariadb',
]);
export const serverFlavourSchema = z.enum(['mariadb', 'mysql', 'rds-mysql', 'aurora-mysql']);
/** What the user migrates to: Aurora MySQL 3 rules (InnoDB only, MySQL 8.0) or a self-managed MySQL. */
export const targetKindSchema = z.enum(['aurora', 'mysql']);

/** A blocker or warning, shared by assess and plan: what, where, why it matters and the concrete fix. */
export const findingSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  severity: z.enum(['blocker', 'warning', 'info']),
  /** `db.table`, `db.routine`, `'user'@'host'` or `server`. */
  objects: z.array(z.string()),
  message: z.string().min(1),
  fix: z.string().min(1),
  /** Statements that apply the fix, when there are any. */
  fixStatements: z.array(z.string()).default([]),
  /** What `migrate run` does about it by itself; plan then carries on with a warning. */
  handledByRun: z.string().optional(),
});
export type Finding = z.infer<typeof findingSchema>;

const serverSchema = z.object({
  /** Redacted: never contains a password. */
  url: z
    .string()
    .startsWith('mysql://')
    .refine((url) => !/:[^@/]*@/.test(url) || /:\*\*\*\*@/.test(url), {
      message: 'the URL must be redacted (no password)',
    }),
  flavour: serverFlavourSchema,
  version: z.string(),
  dialect: dialectKindSchema,
  serverId: z.number().int().nonnegative(),
});

export const retentionSchema = z.object({
  /** How long the source keeps binary logs; null = never purged automatically. */
  seconds: z.number().nonnegative().nullable(),
  setting: z.string(),
  /** Dump + load + catch-up with the safety margin: the binlogs must survive at least this long. */
  requiredSeconds: z.number().nonnegative(),
  sufficient: z.boolean(),
  /** Statements that set a sufficient retention on the source. */
  fixStatements: z.array(z.string()),
});

export const planTableSchema = z.object({
  database: z.string(),
  name: z.string(),
  engine: z.string(),
  rows: z.number().int().nonnegative(),
  dataBytes: z.number().int().nonnegative(),
  indexBytes: z.number().int().nonnegative(),
  /** Primary key columns in order; empty when the table has none. */
  primaryKey: z.array(z.string()),
  /** Columns of the first unique key with only NOT NULL columns, when there is no primary key. */
  uniqueKey: z.array(z.string()),
  /** A single integer key column to chunk by (primary key, else unique key); null: whole-table chunks. */
  chunkColumn: z.string().nullable(),
  secondaryIndexes: z.number().int().nonnegative(),
  foreignKeys: z.number().int().nonnegative(),
  /** How the table changes on the target: engine-to-innodb for MyISAM/MEMORY/Aria tables. */
  conversion: z.enum(['none', 'engine-to-innodb']),
  /** Problems specific to this table (the full text is in warnings/blockers). */
  notes: z.array(z.string()),
});
export type PlanTable = z.infer<typeof planTableSchema>;

export const measurementSchema = z.object({
  /** Tables sampled (largest first), rows and bytes copied. */
  sampledTables: z.array(z.string()),
  sampleRows: z.number().int().nonnegative(),
  sampleBytes: z.number().int().nonnegative(),
  /** Rows/s reading the sample from the source, and writing it into the target's scratch schema. */
  dumpRowsPerSecond: z.number().positive(),
  loadRowsPerSecond: z.number().positive(),
  dumpBytesPerSecond: z.number().positive(),
  loadBytesPerSecond: z.number().positive(),
  /** How fast the source writes binary logs (bytes/s) during the observation window. */
  sourceBinlogBytesPerSecond: z.number().nonnegative(),
  observedSeconds: z.number().nonnegative(),
});

export const estimatesSchema = z.object({
  threads: z.number().int().positive(),
  dumpSeconds: z.number().nonnegative(),
  loadSeconds: z.number().nonnegative(),
  indexSeconds: z.number().nonnegative(),
  catchUpSeconds: z.number().nonnegative(),
  totalSeconds: z.number().nonnegative(),
  /** Multiplier applied to the total before comparing with the retention. */
  safetyFactor: z.number().min(1),
});

export const targetSettingSchema = z.object({
  name: z.string(),
  value: z.string(),
  scope: z.enum(['session', 'global', 'parameter-group']),
  sql: z.string().nullable(),
  why: z.string(),
  restore: z.string(),
});
export type PlanTargetSetting = z.infer<typeof targetSettingSchema>;

export const planStepSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string(),
  /** Who carries it out: `wareview migrate run`, or the operator by hand (console, parameter groups). */
  by: z.enum(['wareview', 'operator']),
  details: z.array(z.string()),
  /** Commands or statements for this step (passwords masked). */
  commands: z.array(z.string()),
  estimatedSeconds: z.number().nonnegative().nullable(),
});
export type PlanStep = z.infer<typeof planStepSchema>;

export const recommendationsSchema = z.object({
  threads: z.number().int().positive(),
  chunkRows: z.number().int().positive(),
  /** A larger instance class for the load, then the class to scale back to (Aurora/RDS). */
  loadInstanceClass: z.string().nullable(),
  steadyInstanceClass: z.string().nullable(),
  reasons: z.array(z.string()),
});

export const planSchema = z.object({
  schemaVersion: z.literal(PLAN_SCHEMA_VERSION),
  createdAt: z.string().datetime(),
  source: serverSchema.extend({
    binlog: z.object({
      enabled: z.boolean(),
      format: z.string(),
      rowImage: z.string(),
      gtidMode: z.string(),
    }),
  }),
  target: serverSchema.extend({ kind: targetKindSchema }),
  databases: z.array(z.string()).min(1),
  tables: z.array(planTableSchema),
  /** Threads for dump and load, and rows per chunk (mydumper --rows). */
  threads: z.number().int().positive(),
  chunkRows: z.number().int().positive(),
  measurements: measurementSchema,
  estimates: estimatesSchema,
  retention: retentionSchema,
  blockers: z.array(findingSchema),
  warnings: z.array(findingSchema),
  recommendations: recommendationsSchema,
  targetSettings: z.array(targetSettingSchema),
  steps: z.array(planStepSchema),
});
export type MigrationPlan = z.infer<typeof planSchema>;

/** Reads and validates plan.json; every problem is listed at once. */
export async function readPlan(path: string): Promise<MigrationPlan> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw userError(
      'MIGRATE_PLAN_UNREADABLE',
      `Cannot read the plan ${path}: ${(error as Error).message}`,
      'Create it with `wareview migrate plan --source URL --target URL --out plan.json`.',
      error,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw userError(
      'MIGRATE_PLAN_CORRUPT',
      `The plan ${path} is not valid JSON: ${(error as Error).message}`,
      'Write it again with `wareview migrate plan`.',
      error,
    );
  }
  const parsed = planSchema.safeParse(json);
  if (!parsed.success) {
    throw userError(
      'MIGRATE_PLAN_INVALID',
      `The plan ${path} does not match the plan format:\n${formatZodIssues(parsed.error.issues)}`,
      'Write it again with `wareview migrate plan` (plans from other versions are not read).',
    );
  }
  return parsed.data;
}
