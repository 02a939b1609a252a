import { describe, expect, it } from 'vitest';
import { inspectServer } from '../../src/migrate/assess/inspect.ts';
import type { Queryable } from '../../src/migrate/connection.ts';

/** Answers the statements inspectServer sends, the way an Aurora MySQL 3 writer answers them. */
function auroraWriter(
  retentionHours: string | null,
  options: { denyConfiguration?: boolean } = {},
): Queryable {
  const variables = (pairs: Record<string, string>) =>
    Object.entries(pairs).map(([Variable_name, Value]) => ({ Variable_name, Value }));
  const answers: [RegExp, () => unknown][] = [
    [
      /'aurora_version'/,
      () =>
        variables({
          version: '8.0.32',
          version_comment: 'Source distribution',
          aurora_version: '3.05.2',
          basedir: '/rdsdbbin/oscar/',
        }),
    ],
    [
      /Variable_name IN \(\?\)/,
      () =>
        variables({
          log_bin: 'ON',
          binlog_format: 'ROW',
          binlog_row_image: 'FULL',
          gtid_mode: 'OFF_PERMISSIVE',
          server_id: '1234',
          sql_mode: 'NO_ENGINE_SUBSTITUTION',
          collation_server: 'utf8mb4_0900_ai_ci',
          binlog_expire_logs_seconds: '2592000',
        }),
    ],
    [
      /^CALL mysql\.rds_show_configuration$/,
      () => {
        if (options.denyConfiguration) throw new Error('execute command denied to user');
        // CALL answers with a result set and an OK packet.
        return [
          [
            {
              name: 'binlog retention hours',
              value: retentionHours,
              description: 'binlog retention hours specifies …',
            },
            { name: 'source delay', value: '0', description: '…' },
          ],
          { affectedRows: 0 },
        ];
      },
    ],
  ];
  const query = async (sql: string) => {
    const answer = answers.find(([pattern]) => pattern.test(sql));
    if (!answer) throw new Error(`unexpected statement: ${sql}`);
    return [answer[1](), []];
  };
  return { query } as unknown as Queryable;
}

describe('inspectServer on Aurora MySQL', () => {
  it.each([
    { hours: '48', retention: { seconds: 172_800, setting: 'binlog retention hours = 48' } },
    {
      hours: null,
      retention: { seconds: 0, setting: 'binlog retention hours = NULL (purged as soon as possible)' },
    },
  ])(
    'reads binlog retention hours = $hours through mysql.rds_show_configuration',
    async ({ hours, retention }) => {
      const facts = await inspectServer(auroraWriter(hours), 'mysql://admin:****@writer:3306/shop');
      expect(facts).toMatchObject({
        dialect: 'aurora',
        info: { flavour: 'aurora-mysql', auroraVersion: '3.05.2', versionNumbers: [8, 0, 32] },
        gtidMode: 'OFF_PERMISSIVE',
        serverId: 1234,
        retention,
      });
    },
  );

  it('reports a retention it may not read instead of guessing', async () => {
    const facts = await inspectServer(
      auroraWriter('24', { denyConfiguration: true }),
      'mysql://admin@writer:3306/',
    );
    expect(facts.retention).toBeNull();
    expect(facts.retentionError).toContain('denied');
  });
});
