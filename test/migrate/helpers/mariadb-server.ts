import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mysql, { type RowDataPacket } from 'mysql2/promise';

/**
 * Throwaway MariaDB servers for tests and benchmarks: each has its own data dir, port and socket,
 * starts in about a second, and is removed on stop() (and killed if the test process exits first).
 */
export interface MariadbServerOptions {
  /** Binary logging in ROW format (default true): a replication source needs it. */
  readonly binlog?: boolean;
  /** Unique per server in a replication topology (default: a random one). */
  readonly serverId?: number;
  /** Write replicated changes to this server's own binlog (chained replication). */
  readonly logSlaveUpdates?: boolean;
  /** binlog_expire_logs_seconds; 0 (default) keeps binlogs forever. */
  readonly binlogExpireSeconds?: number;
  /** InnoDB buffer pool (default 64M: small and fast; the benchmark passes a larger one). */
  readonly bufferPoolSize?: string;
  /** More mariadbd options, e.g. ['--secure-file-priv=/tmp']. */
  readonly extraArgs?: readonly string[];
}

export interface MariadbServer {
  readonly port: number;
  readonly host: '127.0.0.1';
  readonly serverId: number;
  readonly dataDir: string;
  /** `mysql://root@127.0.0.1:PORT/` plus the given databases (root has an empty password). */
  url(databases?: readonly string[]): string;
  /** A fresh connection as root; the caller closes it. */
  connect(database?: string): Promise<mysql.Connection>;
  /** Stops the server (clean shutdown, then SIGKILL after a grace period) and deletes its files. */
  stop(): Promise<void>;
}

const MARIADBD = '/usr/sbin/mariadbd';
const INSTALL_DB = 'mariadb-install-db';
const START_TIMEOUT_MS = 60_000;
/**
 * mariadbd runs under a small shell watchdog: SIGTERM to the watchdog stops the server cleanly, and
 * when the test process dies without afterAll (a crash, a timeout, SIGKILL) the watchdog stops the
 * server and deletes its files within a second, so no orphaned server outlives its test.
 */
const WATCHDOG = `
"$@" &
server=$!
trap 'kill -TERM $server 2>/dev/null; wait $server; exit 0' TERM INT
while kill -0 $server 2>/dev/null; do
  if ! kill -0 "$WATCH_PID" 2>/dev/null; then
    kill -TERM $server; wait $server; rm -rf "$CLEAN_DIR"; exit 0
  fi
  sleep 1
done
wait $server
`;
const running = new Set<ChildProcess>();

// A test process that exits without afterAll: the watchdogs stop their servers and remove the files.
process.once('exit', () => {
  for (const child of running) child.kill('SIGTERM');
});

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new Error('no TCP port available');
  return address.port;
}

async function run(command: string, args: readonly string[]): Promise<void> {
  const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`${command} failed (${code}): ${stderr.slice(-2000)}`);
}

function serverArgs(dir: string, port: number, serverId: number, options: MariadbServerOptions): string[] {
  const data = join(dir, 'data');
  const args = [
    '--no-defaults',
    '--user=root',
    `--datadir=${data}`,
    `--tmpdir=${dir}`,
    `--socket=${join(dir, 'mariadb.sock')}`,
    `--pid-file=${join(dir, 'mariadb.pid')}`,
    `--log-error=${join(dir, 'error.log')}`,
    `--port=${port}`,
    '--bind-address=127.0.0.1',
    `--server-id=${serverId}`,
    '--skip-name-resolve',
    `--innodb-buffer-pool-size=${options.bufferPoolSize ?? '64M'}`,
    '--innodb-log-file-size=16M',
    '--max-connections=200',
  ];
  if (options.binlog ?? true) {
    args.push(`--log-bin=${join(data, 'binlog')}`, '--binlog-format=ROW');
    args.push(`--binlog-expire-logs-seconds=${options.binlogExpireSeconds ?? 0}`);
  }
  if (options.logSlaveUpdates) args.push('--log-slave-updates');
  return [...args, ...(options.extraArgs ?? [])];
}

/**
 * Ready means our own server answers on the port: another test's server may have taken the port
 * between freePort() and bind, and must not be mistaken for ours (its data dir tells them apart).
 */
async function waitUntilReady(port: number, child: ChildProcess, dir: string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) break;
    try {
      const connection = await mysql.createConnection({
        host: '127.0.0.1',
        port,
        user: 'root',
        connectTimeout: 2000,
      });
      const [[row]] = await connection.query<RowDataPacket[]>('SELECT @@datadir AS datadir');
      await connection.end();
      if (String(row?.datadir).replace(/\/$/, '') === join(dir, 'data')) return;
      lastError = new Error(`port ${port} is served by another server (${String(row?.datadir)})`);
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const log = await readFile(join(dir, 'error.log'), 'utf8').catch(() => '');
  throw new Error(`MariaDB on port ${port} did not start: ${String(lastError)}\n${log.slice(-3000)}`);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(timer);
}

async function startOnce(dir: string, port: number, serverId: number, options: MariadbServerOptions) {
  const child = spawn(
    '/bin/sh',
    ['-c', WATCHDOG, 'mariadb-watchdog', MARIADBD, ...serverArgs(dir, port, serverId, options)],
    {
      stdio: 'ignore',
      env: { ...process.env, WATCH_PID: String(process.pid), CLEAN_DIR: dir },
    },
  );
  running.add(child);
  child.once('exit', () => running.delete(child));
  try {
    await waitUntilReady(port, child, dir);
    return child;
  } catch (error) {
    await stopChild(child);
    throw error;
  }
}

export async function startMariadb(options: MariadbServerOptions = {}): Promise<MariadbServer> {
  const dir = await mkdtemp(join(tmpdir(), 'wareview-mariadb-'));
  const serverId = options.serverId ?? 1000 + Math.floor(Math.random() * 1_000_000);
  try {
    await run(INSTALL_DB, [
      '--no-defaults',
      '--user=root',
      `--datadir=${join(dir, 'data')}`,
      // Its own temp dir: bootstraps running in parallel collided on temporary tables in /tmp.
      `--tmpdir=${dir}`,
      '--auth-root-authentication-method=normal',
      '--skip-test-db',
      '--skip-name-resolve',
      '--innodb-log-file-size=16M',
      '--innodb-buffer-pool-size=32M',
    ]);
    // Another process may take the port between freePort() and bind: retry with a new one.
    let child: ChildProcess | undefined;
    let port = 0;
    for (let attempt = 1; child === undefined; attempt += 1) {
      port = await freePort();
      try {
        child = await startOnce(dir, port, serverId, options);
      } catch (error) {
        if (attempt >= 3) throw error;
      }
    }
    const started = child;
    return {
      port,
      host: '127.0.0.1',
      serverId,
      dataDir: join(dir, 'data'),
      url: (databases = []) => `mysql://root@127.0.0.1:${port}/${databases.join(',')}`,
      connect: (database) =>
        mysql.createConnection({ host: '127.0.0.1', port, user: 'root', database, multipleStatements: true }),
      stop: async () => {
        await stopChild(started);
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

/** Starts several servers in parallel; if one fails, the others are stopped. */
export async function startMariadbServers(
  optionsList: readonly MariadbServerOptions[],
): Promise<MariadbServer[]> {
  const results = await Promise.allSettled(optionsList.map((options) => startMariadb(options)));
  const started = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const failure = results.find((result) => result.status === 'rejected');
  if (failure) {
    await Promise.all(started.map((server) => server.stop()));
    throw (failure as PromiseRejectedResult).reason;
  }
  return started;
}
