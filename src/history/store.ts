import type { ResultsDocument } from '../engine/results.ts';
import { describeError, userError } from '../errors.ts';
import { isOpen } from './diff.ts';
import { migrate } from './migrations.ts';
import { isPostgresUrl, openPostgres, redactedUrl } from './postgres.ts';
import type { SqlConnection } from './sql.ts';
import { openSqlite } from './sqlite.ts';

/**
 * Run history: one row per run and its failing findings, so scheduled scans can be listed, diffed and
 * charted without keeping every report folder around. Embedded SQLite by default; a team shares one
 * PostgreSQL database (`--history postgres://…`). Both hold the same schema (see migrations.ts).
 */
export interface AreaTrendPoint {
  score: number | null;
  open: number;
}

export interface RunRecord {
  id: number;
  workload: string;
  evaluatedAt: string;
  outDir: string;
  score: number | null;
  pass: number;
  fail: number;
  error: number;
  /** Score and open findings per review area. */
  areas: Record<string, AreaTrendPoint>;
  /** Where the run folder was archived (`--store s3://…`), if it was. */
  storedAt: string | null;
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

const RUN_COLUMNS = `id, workload, evaluated_at AS "evaluatedAt", out_dir AS "outDir", score, pass, fail, error,
  areas, stored_at AS "storedAt"`;

type RunRow = Omit<RunRecord, 'areas'> & { areas: string };

function toRun(row: RunRow): RunRecord {
  return { ...row, areas: JSON.parse(row.areas) as RunRecord['areas'] };
}

/** Score and open (failing, unsuppressed) findings per area of a run. */
export function areaTrendPoints(results: ResultsDocument): Record<string, AreaTrendPoint> {
  const areaOf = new Map(results.checks.map((check) => [check.id, check.area]));
  const points: Record<string, AreaTrendPoint> = {};
  for (const [area, score] of Object.entries(results.summary.byArea))
    points[area] = { score: score.score, open: 0 };
  for (const result of results.results) {
    const area = areaOf.get(result.checkId);
    if (area && isOpen(result))
      points[area] = { score: points[area]?.score ?? null, open: (points[area]?.open ?? 0) + 1 };
  }
  return points;
}

export class History {
  private constructor(private readonly sql: SqlConnection) {}

  /** Opens (and creates or migrates) the history at a file path or a `postgres://` URL. */
  static async open(location: string): Promise<History> {
    let connection: SqlConnection | undefined;
    try {
      connection = isPostgresUrl(location) ? await openPostgres(location) : openSqlite(location);
      await migrate(connection);
      return new History(connection);
    } catch (error) {
      await connection?.close().catch(() => {});
      const where = isPostgresUrl(location) ? redactedUrl(location) : location;
      throw userError(
        'HISTORY_UNREADABLE',
        `${where}: cannot open the run history (${describeError(error)})`,
        isPostgresUrl(location)
          ? 'Check that the PostgreSQL server is up and the URL (user, password, database) is right.'
          : 'Move the damaged file aside; a new history starts with the next run.',
        error,
      );
    }
  }

  get location(): string {
    return this.sql.location;
  }

  /** Records a run and its failing and erroring results (passes are implied by absence). */
  async recordRun(results: ResultsDocument, outDir: string): Promise<number> {
    const total = results.summary.total;
    return this.sql.transaction(async () => {
      const [row] = await this.sql.query<{ id: number }>(
        `INSERT INTO runs (workload, evaluated_at, collected_at, out_dir, score, pass, fail, error, areas)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
        [
          results.workload,
          results.evaluatedAt,
          results.inventory.collectedAt,
          outDir,
          total.score,
          total.pass,
          total.fail,
          total.error,
          JSON.stringify(areaTrendPoints(results)),
        ],
      );
      const runId = Number(row!.id);
      for (const result of results.results) {
        if (result.status !== 'fail' && result.status !== 'error') continue;
        await this.sql.query(
          `INSERT INTO findings (run_id, finding_key, check_id, severity, status, arn, account_id, region, evidence, suppressed)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (run_id, finding_key) DO NOTHING`,
          [
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
          ],
        );
      }
      return runId;
    });
  }

  /** Notes where a run's folder was archived. */
  async markStored(runId: number, location: string): Promise<void> {
    await this.sql.query('UPDATE runs SET stored_at = ? WHERE id = ?', [location, runId]);
  }

  async listRuns(options: { workload?: string; limit?: number } = {}): Promise<RunRecord[]> {
    const rows = await this.sql.query<RunRow>(
      `SELECT ${RUN_COLUMNS} FROM runs WHERE (CAST(? AS TEXT) IS NULL OR workload = ?)
       ORDER BY evaluated_at DESC, id DESC LIMIT ?`,
      [options.workload ?? null, options.workload ?? null, options.limit ?? 50],
    );
    return rows.map(toRun);
  }

  async getRun(id: number): Promise<RunRecord | undefined> {
    const [row] = await this.sql.query<RunRow>(`SELECT ${RUN_COLUMNS} FROM runs WHERE id = ?`, [id]);
    return row ? toRun(row) : undefined;
  }

  async findings(runId: number): Promise<FindingRecord[]> {
    const rows = await this.sql.query<Omit<FindingRecord, 'suppressed'> & { suppressed: number }>(
      `SELECT finding_key AS "findingKey", check_id AS "checkId", severity, status, arn, account_id AS "accountId",
              region, evidence, suppressed FROM findings WHERE run_id = ? ORDER BY check_id, arn, finding_key`,
      [runId],
    );
    return rows.map((row) => ({ ...row, suppressed: row.suppressed === 1 }));
  }

  close(): Promise<void> {
    return this.sql.close();
  }
}
