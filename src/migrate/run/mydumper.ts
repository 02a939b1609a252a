import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { userError } from '../../errors.ts';
import type { ServerUrl } from '../source-url.ts';
import { adoptGroup, endGroup } from './child-groups.ts';
import { ToolStalledError, watchForStall, type StallWatch } from './watchdog.ts';

/**
 * The mydumper/myloader command lines. Only options that mydumper 0.10 (Debian 12's package)
 * already has are used; newer releases kept them.
 */

export interface DumpToolVersions {
  readonly mydumper: string;
  readonly myloader: string;
}

const INSTALL_HINT =
  'Install them with `apt-get install mydumper` (Debian/Ubuntu; the package has both tools), ' +
  'or from https://github.com/mydumper/mydumper/releases, and make sure they are on PATH.';

/** Runs `mydumper --version` and `myloader --version`; a missing tool is one user error with the fix. */
export async function detectDumpTools(env: NodeJS.ProcessEnv = process.env): Promise<DumpToolVersions> {
  const [mydumper, myloader] = await Promise.all([
    toolVersion('mydumper', env),
    toolVersion('myloader', env),
  ]);
  const missing = [mydumper === null ? 'mydumper' : '', myloader === null ? 'myloader' : ''].filter(Boolean);
  if (missing.length > 0 || mydumper === null || myloader === null) {
    throw userError(
      'MIGRATE_MYDUMPER_MISSING',
      `${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not installed; \`migrate run\` dumps and loads with them.`,
      INSTALL_HINT,
    );
  }
  const major = Number(mydumper.split('.')[0]);
  const minor = Number(mydumper.split('.')[1]);
  if (major === 0 && minor < 10) {
    throw userError(
      'MIGRATE_MYDUMPER_TOO_OLD',
      `mydumper ${mydumper} is older than 0.10, which is the oldest release whose output this tool reads.`,
      INSTALL_HINT,
    );
  }
  return { mydumper, myloader };
}

async function toolVersion(tool: string, env: NodeJS.ProcessEnv): Promise<string | null> {
  try {
    const { stdout, stderr } = await runTool(tool, ['--version'], { env });
    const version = `${stdout}\n${stderr}`.match(/\b(\d+\.\d+\.\d+(?:-\d+)?)/)?.[1];
    return version ?? '0.0.0';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

export interface ToolRun {
  readonly stdout: string;
  readonly stderr: string;
}

export interface ToolOptions {
  readonly env?: NodeJS.ProcessEnv;
  /** Called with the child's pid right after it starts (the run state records it for resume). */
  readonly onSpawn?: (pid: number) => void;
  readonly onStderrLine?: (line: string) => void;
  /** Stop the tool (and everything it started) when it shows no progress for this long. */
  readonly stall?: StallWatch;
}

/**
 * Spawns a tool as the leader of its own process group and collects its output; a non-zero exit
 * becomes an error with the tail of stderr, a stall a ToolStalledError. Whatever happens, the whole
 * group is gone when the promise settles.
 */
export function runTool(tool: string, args: readonly string[], options: ToolOptions = {}): Promise<ToolRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, {
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let stdout = '';
    let stderr = '';
    let pending = '';
    let outputSeen = 0;
    let stalled = false;
    let stopWatching = (): void => undefined;
    child.stdout.setEncoding('utf8').on('data', (text: string) => {
      stdout += text;
      outputSeen += text.length;
    });
    child.stderr.setEncoding('utf8').on('data', (text: string) => {
      stderr = (stderr + text).slice(-64_000);
      outputSeen += text.length;
      if (!options.onStderrLine) return;
      pending += text;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) options.onStderrLine(line);
    });
    child.on('error', reject);
    child.on('spawn', () => {
      if (child.pid === undefined) return;
      const pid = child.pid;
      adoptGroup(pid);
      if (options.stall) {
        stopWatching = watchForStall(
          pid,
          options.stall,
          () => outputSeen,
          () => {
            stalled = true;
            endGroup(pid);
          },
        );
      }
      options.onSpawn?.(pid);
    });
    child.on('close', (code, signal) => {
      stopWatching();
      if (child.pid !== undefined) endGroup(child.pid);
      if (stalled) return reject(new ToolStalledError(tool, options.stall!.stallMs));
      if (code === 0) return resolve({ stdout, stderr });
      const tail = stderr.trim().split('\n').slice(-5).join('\n');
      reject(
        userError(
          'MIGRATE_TOOL_FAILED',
          `${tool} failed (${signal ? `signal ${signal}` : `exit code ${code}`}): ${tail || '(no output)'}`,
          `Fix what ${tool} names above, then run \`wareview migrate run\` again: finished steps and chunks are kept.`,
        ),
      );
    });
  });
}

const connectionArgs = (server: ServerUrl): string[] => [
  `--host=${server.host}`,
  `--port=${server.port}`,
  `--user=${server.user}`,
];

/**
 * The password reaches the tools in MYSQL_PWD, which their client library reads: unlike a
 * defaults file it leaves nothing on disk when a run is killed, and unlike argv `ps` cannot show it
 * (/proc/PID/environ is readable by the same user only).
 */
function toolEnvironment(server: ServerUrl, options: ToolOptions): NodeJS.ProcessEnv {
  return { ...(options.env ?? process.env), MYSQL_PWD: server.password };
}

export interface DumpOptions {
  readonly source: ServerUrl;
  readonly databases: readonly string[];
  readonly outputDir: string;
  readonly threads: number;
  readonly chunkRows: number;
}

/**
 * A consistent dump: mydumper holds FLUSH TABLES WITH READ LOCK while it records the binary log
 * coordinates and dumps non-InnoDB tables, then continues from one consistent InnoDB snapshot.
 * Rows are written as INSERT IGNORE so that a chunk loaded twice after a crash adds nothing.
 */
export function mydumperArgs(options: DumpOptions): string[] {
  const escaped = options.databases.map((name) => name.replace(/[$]/g, '\\$'));
  return [
    ...connectionArgs(options.source),
    `--regex=^(${escaped.join('|')})\\.`,
    `--outputdir=${options.outputDir}`,
    `--threads=${options.threads}`,
    `--rows=${options.chunkRows}`,
    '--insert-ignore',
    '--triggers',
    '--routines',
    '--events',
    '--verbose=3',
  ];
}

export async function runMydumper(options: DumpOptions, toolOptions: ToolOptions = {}): Promise<void> {
  await runTool('mydumper', mydumperArgs(options), {
    ...toolOptions,
    env: toolEnvironment(options.source, toolOptions),
  });
}

export interface LoadChunkOptions {
  readonly target: ServerUrl;
  /** A directory holding `metadata` and the data files to load (and nothing else). */
  readonly directory: string;
  readonly threads: number;
  /** Keep the target's binary log on (RDS/Aurora users lack the SUPER needed for SQL_LOG_BIN=0). */
  readonly enableBinlog: boolean;
}

/** myloader turns the session binlog off by default and commits every 1000 statements. */
export function myloaderArgs(options: LoadChunkOptions): string[] {
  return [
    ...connectionArgs(options.target),
    `--directory=${options.directory}`,
    `--threads=${options.threads}`,
    ...(options.enableBinlog ? ['--enable-binlog'] : []),
    '--verbose=2',
  ];
}

export async function runMyloader(options: LoadChunkOptions, toolOptions: ToolOptions = {}): Promise<void> {
  await runTool('myloader', myloaderArgs(options), {
    ...toolOptions,
    env: toolEnvironment(options.target, toolOptions),
  });
}

export interface BinlogCoordinates {
  readonly file: string;
  readonly position: number;
  readonly gtid?: string;
}

/**
 * Reads the source's binary log coordinates from mydumper's `metadata` file. 0.10 writes
 * "SHOW MASTER STATUS:\n\tLog: bin.000001\n\tPos: 2755\n\tGTID:0-11-12"; 0.12+ writes an INI
 * section "[source]" (or "[master]") with File / Position / Executed_Gtid_Set.
 */
export function parseDumpMetadata(text: string): BinlogCoordinates | null {
  const legacy = text.match(
    /SHOW MASTER STATUS:[ \t]*\n\s*Log:[ \t]*(\S+)[ \t]*\n\s*Pos:[ \t]*(\d+)(?:[ \t]*\n[ \t]*GTID:[ \t]*(\S*))?/,
  );
  if (legacy?.[1] && legacy[2]) return coordinates(legacy[1], legacy[2], legacy[3]);
  const section = text.match(/\[(?:source|master)\]([\s\S]*?)(?:\n\[|$)/);
  if (section?.[1]) {
    const value = (key: string): string | undefined =>
      section[1]?.match(new RegExp(`^\\s*${key}\\s*=\\s*(.*?)\\s*$`, 'm'))?.[1]?.replace(/^"|"$/g, '');
    const file = value('File');
    const position = value('Position');
    if (file && position) return coordinates(file, position, value('Executed_Gtid_Set'));
  }
  return null;
}

function coordinates(file: string, position: string, gtid: string | undefined): BinlogCoordinates {
  return { file, position: Number(position), ...(gtid ? { gtid } : {}) };
}

export async function readDumpCoordinates(dumpDir: string): Promise<BinlogCoordinates> {
  const text = await readFile(join(dumpDir, 'metadata'), 'utf8');
  const parsed = parseDumpMetadata(text);
  if (!parsed) {
    throw userError(
      'MIGRATE_NO_BINLOG_POSITION',
      'The dump carries no binary log position: the source has binary logging turned off.',
      'Turn on binary logging on the source (log_bin, binlog_format=ROW), restart it, and run again; ' +
        'replication starts from the position the dump was taken at.',
    );
  }
  return parsed;
}
