import { writeFile } from 'node:fs/promises';
import { planSchema, type MigrationPlan } from '../../src/migrate/plan-schema.ts';

/**
 * A minimal valid plan.json between two local MariaDB servers, for tests of `run` and `validate`
 * that do not exercise `plan` itself (the plan's own tests measure and estimate).
 */
export function localPlan(options: {
  sourceUrl: string;
  targetUrl: string;
  databases: readonly string[];
  threads?: number;
  chunkRows?: number;
}): MigrationPlan {
  const server = (url: string, serverId: number) => ({
    url,
    flavour: 'mariadb' as const,
    version: '10.11',
    dialect: 'mariadb' as const,
    serverId,
  });
  return planSchema.parse({
    schemaVersion: 1,
    createdAt: new Date().toISOString(),
    source: {
      ...server(options.sourceUrl, 1),
      binlog: { enabled: true, format: 'ROW', rowImage: 'FULL', gtidMode: 'OFF' },
    },
    target: { ...server(options.targetUrl, 2), kind: 'mysql' },
    databases: options.databases,
    tables: [],
    threads: options.threads ?? 2,
    chunkRows: options.chunkRows ?? 1000,
    measurements: {
      sampledTables: [],
      sampleRows: 0,
      sampleBytes: 0,
      dumpRowsPerSecond: 1,
      loadRowsPerSecond: 1,
      dumpBytesPerSecond: 1,
      loadBytesPerSecond: 1,
      sourceBinlogBytesPerSecond: 0,
      observedSeconds: 0,
    },
    estimates: {
      threads: options.threads ?? 2,
      dumpSeconds: 0,
      loadSeconds: 0,
      indexSeconds: 0,
      catchUpSeconds: 0,
      totalSeconds: 0,
      safetyFactor: 1,
    },
    retention: {
      seconds: null,
      setting: 'binlog_expire_logs_seconds=0',
      requiredSeconds: 0,
      sufficient: true,
      fixStatements: [],
    },
    blockers: [],
    warnings: [],
    recommendations: {
      threads: options.threads ?? 2,
      chunkRows: options.chunkRows ?? 1000,
      loadInstanceClass: null,
      steadyInstanceClass: null,
      reasons: [],
    },
    targetSettings: [],
    steps: [],
  });
}

export async function writeLocalPlan(path: string, options: Parameters<typeof localPlan>[0]): Promise<void> {
  await writeFile(path, JSON.stringify(localPlan(options), null, 2));
}

/**
 * Tests stop a stalled mydumper or myloader (Debian's 0.10 can deadlock) well inside their hook timeouts:
 * on the small test data a working tool never goes this long without reading or writing.
 */
export const TEST_SUPERVISION = { stallMs: 20_000, retries: 2 } as const;
export const TEST_STALL_ARGS = ['--stall-timeout', String(TEST_SUPERVISION.stallMs / 1000)] as const;
