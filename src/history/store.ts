import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ResultsDocument } from '../engine/results.ts';
import { describeError, userError } from '../errors.ts';

/**
 * Run history in SQLite: one row per run and its open findings, so scheduled scans can be listed and
 * diffed without keeping every report folder around.
 */
export interface RunRecord {
  id: number;
  workload: string;
  evaluatedAt: string;
  outDir: string;
  score: number | null;
  pass: number;
  fail: number;
  error: number;
}

export interface FindingRecord {
  findingKey: string;
  checkId: string;
  severity: string;
  status: string;
  arn: string;
  accountId: string;
  region: string;
  evidence: string;
  suppressed: boolean;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS runs (
  id INTEGER PRIMARY KEY,
  workload TEXT NOT NULL,
  evaluated_at TEXT NOT NULL,
  collected_at TEXT NOT NULL,
  out_dir TEXT NOT NULL,
  score INTEGER,
  pass INTEGER NOT NULL,
  fail INTEGER NOT NULL,
  error INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS runs_by_workload ON runs (workload, evaluated_at);
CREATE TABLE IF NOT EXISTS findings (
  run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  finding_key TEXT NOT NULL,
  check_id TEXT NOT NULL,
  severity TEXT NOT NULL,
  status TEXT NOT NULL,
  arn TEXT NOT NULL,
  account_id TEXT NOT NULL,
  region TEXT NOT NULL,
  evidence TEXT NOT NULL,
  suppressed INTEGER NOT NULL,
  PRIMARY KEY (run_id, finding_key)
);
`;

export class History {
  private readonly db: Database.Database;

  private constructor(db: Database.Database) {
    this.db = db;
  }

  static open(path: string): History {
    try {
      mkdirSync(dirname(path), { recursive: true });
      const db = new Database(path);
      db.pragma('journal_mode = WAL');
      db.pragma('foreign_keys = ON');
      db.exec(SCHEMA);
      return new History(db);
    } catch (error) {
      throw userError(
        'HISTORY_UNREADABLE',
        `${path}: cannot open the run history (${describeError(error)})`,
        'Move the damaged file aside; a new history starts with the next run.',
        error,
      );
    }
  }

  /** Records a run and its failing and erroring results (passes are implied by absence). */
  recordRun(results: ResultsDocument, outDir: string): number {
    const insertRun = this.db.prepare(
      `INSERT INTO runs (workload, evaluated_at, collected_at, out_dir, score, pass, fail, error)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertFinding = this.db.prepare(
      `INSERT OR REPLACE INTO findings (run_id, finding_key, check_id, severity, status, arn, account_id, region, evidence, suppressed)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const total = results.summary.total;
    return this.db.transaction(() => {
      const { lastInsertRowid } = insertRun.run(
        results.workload,
        results.evaluatedAt,
        results.inventory.collectedAt,
        outDir,
        total.score,
        total.pass,
        total.fail,
        total.error,
      );
      const runId = Number(lastInsertRowid);
      for (const result of results.results) {
        if (result.status !== 'fail' && result.status !== 'error') continue;
        insertFinding.run(
          runId,
          result.findingKey,
          result.checkId,
          result.severity,
          result.status,
          result.resource.arn,
          result.resource.accountId,
          result.resource.region,
          result.evidence,
          result.suppressed ? 1 : 0,
        );
      }
      return runId;
    })();
  }

  listRuns(options: { workload?: string; limit?: number } = {}): RunRecord[] {
    const rows = this.db
      .prepare(
        `SELECT id, workload, evaluated_at AS evaluatedAt, out_dir AS outDir, score, pass, fail, error FROM runs
         WHERE (@workload IS NULL OR workload = @workload) ORDER BY evaluated_at DESC, id DESC LIMIT @limit`,
      )
      .all({ workload: options.workload ?? null, limit: options.limit ?? 50 });
    return rows as RunRecord[];
  }

  getRun(id: number): RunRecord | undefined {
    return this.db
      .prepare(
        `SELECT id, workload, evaluated_at AS evaluatedAt, out_dir AS outDir, score, pass, fail, error FROM runs WHERE id = ?`,
      )
      .get(id) as RunRecord | undefined;
  }

  findings(runId: number): FindingRecord[] {
    const rows = this.db
      .prepare(
        `SELECT finding_key AS findingKey, check_id AS checkId, severity, status, arn, account_id AS accountId,
                region, evidence, suppressed FROM findings WHERE run_id = ? ORDER BY check_id, arn`,
      )
      .all(runId) as (Omit<FindingRecord, 'suppressed'> & { suppressed: number })[];
    return rows.map((row) => ({ ...row, suppressed: row.suppressed === 1 }));
  }

  close(): void {
    this.db.close();
  }
}
