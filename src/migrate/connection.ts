import mysql, { type Connection, type Pool, type PoolOptions, type RowDataPacket } from 'mysql2/promise';
import type { WareviewError } from '../errors.ts';
import { userError } from '../errors.ts';
import type { PasswordSources, ServerRole, ServerUrl } from './source-url.ts';
import { PASSWORD_ENV, resolveServerUrl, terminalPasswordPrompt } from './source-url.ts';

/** The server families this module tells apart; they differ in replication and admin statements. */
export type ServerFlavour = 'mariadb' | 'mysql' | 'rds-mysql' | 'aurora-mysql';

export interface ServerInfo {
  readonly flavour: ServerFlavour;
  /** `@@version` as reported, e.g. `10.11.19-MariaDB-0+deb12u1` or `8.0.32`. */
  readonly version: string;
  /** Numeric part of the version, e.g. `[10, 11, 19]`. */
  readonly versionNumbers: readonly [number, number, number];
  readonly versionComment: string;
  /** `@@aurora_version` on Aurora MySQL, e.g. `3.04.0`. */
  readonly auroraVersion?: string;
}

export interface ServerVariablesForDetection {
  readonly version: string;
  readonly versionComment: string;
  readonly auroraVersion?: string | null;
  readonly basedir?: string | null;
}

/** Pure classification from the variables a server reports (tested without a server). */
export function classifyServer(variables: ServerVariablesForDetection): ServerInfo {
  const numbers = (variables.version.match(/^(\d+)\.(\d+)\.(\d+)/) ?? []).slice(1).map(Number);
  const versionNumbers: [number, number, number] = [numbers[0] ?? 0, numbers[1] ?? 0, numbers[2] ?? 0];
  const base = { version: variables.version, versionNumbers, versionComment: variables.versionComment };
  if (variables.auroraVersion)
    return { ...base, flavour: 'aurora-mysql', auroraVersion: variables.auroraVersion };
  if (/mariadb/i.test(variables.version) || /mariadb/i.test(variables.versionComment)) {
    return { ...base, flavour: 'mariadb' };
  }
  // RDS for MySQL installs its binaries under /rdsdbbin and reports a "Source distribution" comment.
  if (variables.basedir?.startsWith('/rdsdbbin/')) return { ...base, flavour: 'rds-mysql' };
  return { ...base, flavour: 'mysql' };
}

export function versionAtLeast(info: ServerInfo, major: number, minor = 0, patch = 0): boolean {
  const [a, b, c] = info.versionNumbers;
  return a !== major ? a > major : b !== minor ? b > minor : c >= patch;
}

export function describeServer(info: ServerInfo): string {
  const names: Record<ServerFlavour, string> = {
    mariadb: 'MariaDB',
    mysql: 'MySQL',
    'rds-mysql': 'RDS for MySQL',
    'aurora-mysql': 'Aurora MySQL',
  };
  const aurora = info.auroraVersion ? ` (Aurora ${info.auroraVersion})` : '';
  return `${names[info.flavour]} ${info.versionNumbers.join('.')}${aurora}`;
}

/** Reads the version variables and classifies the server. `@@aurora_version` exists only on Aurora. */
export async function detectServer(connection: Queryable): Promise<ServerInfo> {
  const [rows] = await connection.query<RowDataPacket[]>(
    "SHOW GLOBAL VARIABLES WHERE Variable_name IN ('version', 'version_comment', 'aurora_version', 'basedir')",
  );
  const value = (name: string): string | undefined =>
    rows.find((row) => String(row.Variable_name).toLowerCase() === name)?.Value as string | undefined;
  return classifyServer({
    version: value('version') ?? '',
    versionComment: value('version_comment') ?? '',
    auroraVersion: value('aurora_version') ?? null,
    basedir: value('basedir') ?? null,
  });
}

/** Both a Connection and a Pool can run queries; helpers accept either. */
export type Queryable = Pick<Connection, 'query'> | Pick<Pool, 'query'>;

function connectionOptions(url: ServerUrl, database?: string): PoolOptions {
  return {
    host: url.host,
    port: url.port,
    user: url.user,
    password: url.password,
    database,
    connectTimeout: 10_000,
    // Large row counts and sizes come back as strings rather than losing precision.
    supportBigNumbers: true,
    dateStrings: true,
    multipleStatements: false,
  };
}

const ACCESS_ERRORS = new Set([
  'ER_ACCESS_DENIED_ERROR',
  'ER_DBACCESS_DENIED_ERROR',
  'ER_ACCESS_DENIED_NO_PASSWORD_ERROR',
]);
const UNREACHABLE_ERRORS = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

/** Turns a driver error on connect into a user error that says what to check. */
export function connectionError(url: ServerUrl, role: ServerRole, error: unknown): WareviewError {
  const code = (error as { code?: string }).code ?? '';
  const detail = error instanceof Error ? error.message : String(error);
  if (UNREACHABLE_ERRORS.has(code)) {
    return userError(
      'MIGRATE_SERVER_UNREACHABLE',
      `Cannot reach the ${role} server ${url.host}:${url.port} (${code}).`,
      'Check the host and port in the URL, that the server is running, and that a firewall or security group ' +
        'lets this machine connect.',
      error,
    );
  }
  if (ACCESS_ERRORS.has(code)) {
    return userError(
      'MIGRATE_ACCESS_DENIED',
      `The ${role} server ${url.host}:${url.port} refused user "${url.user}": ${detail}`,
      `Check the user name and password (in the URL or ${PASSWORD_ENV[role]}), and that the account may ` +
        `connect from this host.`,
      error,
    );
  }
  if (code === 'ER_BAD_DB_ERROR') {
    return userError(
      'MIGRATE_DATABASE_MISSING',
      `The ${role} server ${url.host}:${url.port} has no such database: ${detail}`,
      'List only existing databases in the URL path (mysql://user@host/db1,db2).',
      error,
    );
  }
  return userError(
    'MIGRATE_CONNECT_FAILED',
    `Cannot connect to the ${role} server ${url.host}:${url.port}: ${detail}`,
    'Check the URL and the server log.',
    error,
  );
}

/** Opens one connection; connection failures become user errors (exit 2) with a fix. */
export async function openConnection(
  url: ServerUrl,
  role: ServerRole,
  options: { database?: string } = {},
): Promise<Connection> {
  try {
    return await mysql.createConnection(connectionOptions(url, options.database));
  } catch (error) {
    throw connectionError(url, role, error);
  }
}

/** Opens a pool and proves it can connect, so a bad URL fails here and not deep inside a step. */
export async function openPool(
  url: ServerUrl,
  role: ServerRole,
  options: { database?: string; connectionLimit?: number } = {},
): Promise<Pool> {
  const pool = mysql.createPool({
    ...connectionOptions(url, options.database),
    connectionLimit: options.connectionLimit ?? 4,
  });
  try {
    const connection = await pool.getConnection();
    connection.release();
    return pool;
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw connectionError(url, role, error);
  }
}

/** Runs `work` with a fresh connection and always closes it. */
export async function withConnection<T>(
  url: ServerUrl,
  role: ServerRole,
  work: (connection: Connection) => Promise<T>,
  options: { database?: string } = {},
): Promise<T> {
  const connection = await openConnection(url, role, options);
  try {
    return await work(connection);
  } finally {
    await connection.end().catch(() => undefined);
  }
}

/**
 * Resolves a URL given on the command line and proves it connects. Without a password in the URL or
 * its environment variable, an access-denied answer leads to one hidden prompt when on a terminal.
 */
export async function resolveServerUrlForCommand(
  raw: string,
  role: ServerRole,
  sources: PasswordSources = { prompt: terminalPasswordPrompt() },
): Promise<ServerUrl> {
  const url = await resolveServerUrl(raw, role, { env: sources.env });
  try {
    await withConnection(url, role, async () => undefined);
    return url;
  } catch (error) {
    const canAsk = sources.prompt && url.password === '' && !url.redacted.includes(':****@');
    if (!canAsk || (error as WareviewError).code !== 'MIGRATE_ACCESS_DENIED') throw error;
    const prompted = await resolveServerUrl(raw, role, { env: {}, prompt: sources.prompt });
    await withConnection(prompted, role, async () => undefined);
    return prompted;
  }
}
