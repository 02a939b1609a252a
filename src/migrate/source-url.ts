import { userError } from '../errors.ts';

/**
 * A MySQL-compatible server address: `mysql://user:pass@host:port/db1,db2`.
 * The password never leaves this object except to open a connection: everything that is shown,
 * logged or written to disk uses `redacted`.
 */
export interface ServerUrl {
  readonly user: string;
  readonly password: string;
  readonly host: string;
  readonly port: number;
  /** Databases named in the path; empty means "every user database on the server". */
  readonly databases: readonly string[];
  /** The URL without its password, safe for plan.json, logs and reports. */
  readonly redacted: string;
}

export type ServerRole = 'source' | 'target';

/** Where a password may come from when the URL carries none. */
export interface PasswordSources {
  /** Environment variables to read (defaults to process.env). */
  readonly env?: NodeJS.ProcessEnv;
  /** Asks the user; called only when no other source has a password. Omit to never prompt. */
  readonly prompt?: (question: string) => Promise<string>;
}

export const PASSWORD_ENV: Record<ServerRole, string> = {
  source: 'WAREVIEW_SOURCE_PASSWORD',
  target: 'WAREVIEW_TARGET_PASSWORD',
};

const DEFAULT_PORT = 3306;
const MAX_URL_LENGTH = 2048;
/** Unquoted-safe schema names: letters, digits, `_`, `$` and `-`, at most 64 characters (MySQL's limit). */
const DATABASE_NAME = /^[\p{L}\p{N}_$-]{1,64}$/u;
const HOST_NAME = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.?)+$|^\[[0-9A-Fa-f:.]+\]$/;
const CONTROL_CHARACTERS = /\p{Cc}/u;

function malformed(role: ServerRole, problem: string): Error {
  return userError(
    'MIGRATE_URL_INVALID',
    `The ${role} URL is not valid: ${problem}.`,
    `Write it as mysql://user:password@host:3306/db1,db2 (percent-encode special characters in the password, ` +
      `or leave the password out and set ${PASSWORD_ENV[role]}).`,
  );
}

function decode(role: ServerRole, part: string, what: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw malformed(role, `the ${what} has a broken percent-encoding`);
  }
}

/** Parses the URL only; the password, if absent, stays empty (see resolveServerUrl for env/prompt). */
export function parseServerUrl(raw: string, role: ServerRole): ServerUrl & { readonly hasPassword: boolean } {
  if (raw.length > MAX_URL_LENGTH) throw malformed(role, `it is longer than ${MAX_URL_LENGTH} characters`);
  if (CONTROL_CHARACTERS.test(raw)) throw malformed(role, 'it contains control characters');
  const trimmed = raw.trim();
  if (!/^mysql:\/\//i.test(trimmed)) {
    const scheme = /^([a-z][a-z0-9+.-]{0,20}):\/\//i.exec(trimmed)?.[1];
    throw malformed(role, `it must start with mysql://${scheme ? ` (got ${scheme}://)` : ''}`);
  }
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw malformed(role, 'it cannot be parsed as a URL');
  }
  if (url.search || url.hash) throw malformed(role, 'query strings and fragments are not supported');
  const host = url.hostname;
  if (!host) throw malformed(role, 'the host is missing');
  if (!HOST_NAME.test(host)) throw malformed(role, `"${host}" is not a host name or IP address`);
  const port = url.port === '' ? DEFAULT_PORT : Number(url.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw malformed(role, 'the port must be 1–65535');
  const user = decode(role, url.username, 'user name');
  if (!user) throw malformed(role, 'the user name is missing (mysql://USER@host)');
  const authority = trimmed.slice('mysql://'.length).split('/')[0] ?? '';
  const hasPassword = authority.slice(0, Math.max(0, authority.lastIndexOf('@'))).includes(':');
  const password = decode(role, url.password, 'password');
  const databases = parseDatabases(role, url.pathname);
  const redacted = redactedUrl({ user, host, port, databases, hasPassword });
  return { user, password, host, port, databases, redacted, hasPassword };
}

function parseDatabases(role: ServerRole, pathname: string): string[] {
  const path = decode(role, pathname.replace(/^\//, ''), 'database list');
  if (path === '') return [];
  const names = path.split(',').map((name) => name.trim());
  for (const name of names) {
    if (!DATABASE_NAME.test(name)) {
      throw malformed(
        role,
        `"${name.slice(0, 70)}" is not a database name this tool accepts (letters, digits, _ $ -, up to 64)`,
      );
    }
  }
  const duplicate = names.find((name, index) => names.indexOf(name) !== index);
  if (duplicate) throw malformed(role, `database "${duplicate}" is listed twice`);
  return names;
}

function redactedUrl(parts: {
  user: string;
  host: string;
  port: number;
  databases: readonly string[];
  hasPassword: boolean;
}): string {
  const credentials = encodeURIComponent(parts.user) + (parts.hasPassword ? ':****' : '');
  return `mysql://${credentials}@${parts.host}:${parts.port}/${parts.databases.join(',')}`;
}

/**
 * Parses the URL and fills the password: from the URL, else from WAREVIEW_SOURCE_PASSWORD /
 * WAREVIEW_TARGET_PASSWORD, else from the prompt (only on a terminal), else empty.
 */
export async function resolveServerUrl(
  raw: string,
  role: ServerRole,
  sources: PasswordSources = {},
): Promise<ServerUrl> {
  const { hasPassword, ...parsed } = parseServerUrl(raw, role);
  if (hasPassword) return parsed;
  const fromEnv = (sources.env ?? process.env)[PASSWORD_ENV[role]];
  if (fromEnv !== undefined) return withPassword(parsed, fromEnv);
  if (sources.prompt) {
    const typed = await sources.prompt(`Password for ${parsed.redacted}: `);
    return withPassword(parsed, typed);
  }
  return parsed;
}

function withPassword(url: ServerUrl, password: string): ServerUrl {
  const redacted =
    password === '' ? url.redacted : url.redacted.replace(/^mysql:\/\/([^@]*)@/, 'mysql://$1:****@');
  return { ...url, password, redacted };
}

/** A new URL with other databases, keeping the credentials (target defaults to the source's names). */
export function withDatabases(url: ServerUrl, databases: readonly string[]): ServerUrl {
  const hasPassword = url.redacted.includes(':****@');
  return {
    ...url,
    databases,
    redacted: redactedUrl({ user: url.user, host: url.host, port: url.port, databases, hasPassword }),
  };
}

/**
 * A prompt that reads a password from the terminal without echoing it, or undefined when stdin is
 * not a terminal (scripts and CI then use the environment variable).
 */
export function terminalPasswordPrompt(
  input: NodeJS.ReadStream = process.stdin,
  output: NodeJS.WriteStream = process.stderr,
): ((question: string) => Promise<string>) | undefined {
  if (!input.isTTY || typeof input.setRawMode !== 'function') return undefined;
  return (question) =>
    new Promise((resolve, reject) => {
      output.write(question);
      let typed = '';
      const finish = (error?: Error): void => {
        input.setRawMode(false);
        input.pause();
        input.off('data', onData);
        output.write('\n');
        if (error) reject(error);
        else resolve(typed);
      };
      const onData = (chunk: Buffer): void => {
        for (const character of chunk.toString('utf8')) {
          if (character === '\r' || character === '\n') return finish();
          if (character === '\u0003') {
            return finish(userError('MIGRATE_PASSWORD_ABORTED', 'Password entry was cancelled.'));
          }
          if (character === '\u007f' || character === '\b') typed = typed.slice(0, -1);
          else typed += character;
        }
      };
      input.setRawMode(true);
      input.resume();
      input.on('data', onData);
    });
}

/**
 * Re-opens a URL stored redacted (plan.json): the masked password is dropped and taken again from
 * WAREVIEW_SOURCE_PASSWORD / WAREVIEW_TARGET_PASSWORD or the prompt.
 */
export function resolveStoredServerUrl(
  redacted: string,
  role: ServerRole,
  sources: PasswordSources = {},
): Promise<ServerUrl> {
  return resolveServerUrl(redacted.replace(/^(mysql:\/\/[^:@/]*):\*\*\*\*@/i, '$1@'), role, sources);
}
