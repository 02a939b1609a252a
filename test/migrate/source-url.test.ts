import { describe, expect, it } from 'vitest';
import { isWareviewError } from '../../src/errors.ts';
import {
  parseServerUrl,
  resolveServerUrl,
  resolveStoredServerUrl,
  withDatabases,
} from '../../src/migrate/source-url.ts';

describe('parseServerUrl: valid URLs', () => {
  it.each([
    {
      raw: 'mysql://admin:s3cret@db.example.com:3307/shop,crm',
      user: 'admin',
      password: 's3cret',
      host: 'db.example.com',
      port: 3307,
      databases: ['shop', 'crm'],
      redacted: 'mysql://admin:****@db.example.com:3307/shop,crm',
    },
    {
      raw: 'mysql://root@127.0.0.1',
      user: 'root',
      password: '',
      host: '127.0.0.1',
      port: 3306,
      databases: [],
      redacted: 'mysql://root@127.0.0.1:3306/',
    },
    {
      raw: 'mysql://app:p%40ss%3Aw%2Ford@host/shop',
      user: 'app',
      password: 'p@ss:w/ord',
      host: 'host',
      port: 3306,
      databases: ['shop'],
      redacted: 'mysql://app:****@host:3306/shop',
    },
    {
      raw: 'MYSQL://u:@[::1]:3310/db_1,$x-y',
      user: 'u',
      password: '',
      host: '[::1]',
      port: 3310,
      databases: ['db_1', '$x-y'],
      redacted: 'mysql://u:****@[::1]:3310/db_1,$x-y',
    },
  ])('$raw', ({ raw, ...expected }) => {
    const { hasPassword: _hasPassword, ...parsed } = parseServerUrl(raw, 'source');
    expect(parsed).toEqual(expected);
  });
});

describe('parseServerUrl: malformed and hostile input is a user error that never echoes the password', () => {
  it.each([
    { raw: '', problem: 'must start with mysql://' },
    { raw: 'postgres://u:topsecret@h/db', problem: 'must start with mysql://' },
    { raw: 'u:topsecret@h/db', problem: 'must start with mysql://' },
    { raw: 'mysql://:topsecret@h/db', problem: 'user name is missing' },
    { raw: 'mysql://u:topsecret@/db', problem: 'cannot be parsed|host is missing' },
    { raw: 'mysql://u:topsecret@h:0/db', problem: 'port' },
    { raw: 'mysql://u:topsecret@h:99999/db', problem: 'cannot be parsed|port' },
    { raw: 'mysql://u:topsecret@h/db?ssl=1', problem: 'query strings' },
    { raw: 'mysql://u:topsecret@h/db#x', problem: 'fragments' },
    { raw: 'mysql://u:topsecret@h/db`; DROP TABLE x; --', problem: 'not a database name' },
    { raw: "mysql://u:topsecret@h/db'or'1", problem: 'not a database name' },
    { raw: 'mysql://u:topsecret@h/a,,b', problem: 'not a database name' },
    { raw: 'mysql://u:topsecret@h/a,a', problem: 'listed twice' },
    { raw: `mysql://u:topsecret@h/${'x'.repeat(65)}`, problem: 'not a database name' },
    { raw: 'mysql://u:topsecret@h/db\nx', problem: 'control characters' },
    { raw: 'mysql://u:topsecret@h/db%00', problem: 'not a database name' },
    { raw: 'mysql://u:top%ZZsecret@h/db', problem: 'percent-encoding' },
    { raw: 'mysql://u:topsecret@h_o$t/db', problem: 'host name|cannot be parsed' },
    { raw: `mysql://u:topsecret@h/${'a,'.repeat(1100)}`, problem: 'longer than' },
  ])('$raw', ({ raw, problem }) => {
    let caught: unknown;
    try {
      parseServerUrl(raw, 'target');
    } catch (error) {
      caught = error;
    }
    expect(isWareviewError(caught)).toBe(true);
    const error = caught as Error & { code: string; hint: string };
    expect(error.code).toBe('MIGRATE_URL_INVALID');
    expect(error.message).toMatch(new RegExp(problem));
    expect(error.hint).toContain('WAREVIEW_TARGET_PASSWORD');
    expect(`${error.message} ${error.hint}`).not.toContain('topsecret');
  });
});

describe('resolveServerUrl: where the password comes from', () => {
  const env = { WAREVIEW_SOURCE_PASSWORD: 'from-env' };
  const prompt = async () => 'typed';
  it.each([
    {
      raw: 'mysql://u:inurl@h/db',
      sources: { env, prompt },
      password: 'inurl',
      redacted: 'mysql://u:****@h:3306/db',
    },
    { raw: 'mysql://u:@h/db', sources: { env, prompt }, password: '', redacted: 'mysql://u:****@h:3306/db' },
    {
      raw: 'mysql://u@h/db',
      sources: { env, prompt },
      password: 'from-env',
      redacted: 'mysql://u:****@h:3306/db',
    },
    {
      raw: 'mysql://u@h/db',
      sources: { env: {}, prompt },
      password: 'typed',
      redacted: 'mysql://u:****@h:3306/db',
    },
    { raw: 'mysql://u@h/db', sources: { env: {} }, password: '', redacted: 'mysql://u@h:3306/db' },
  ])('$raw with $sources', async ({ raw, sources, password, redacted }) => {
    const url = await resolveServerUrl(raw, 'source', sources);
    expect(url.password).toBe(password);
    expect(url.redacted).toBe(redacted);
    expect(JSON.stringify({ ...url, password: undefined })).not.toMatch(/inurl|from-env|typed/);
  });

  it('withDatabases keeps the credentials and the redaction', async () => {
    const url = await resolveServerUrl('mysql://u:pw@h:3307/a', 'target');
    expect(withDatabases(url, ['b', 'c'])).toMatchObject({
      password: 'pw',
      redacted: 'mysql://u:****@h:3307/b,c',
    });
  });
});

describe('resolveStoredServerUrl: a redacted URL from plan.json', () => {
  it.each([
    { stored: 'mysql://u:****@h:3307/a', env: { WAREVIEW_TARGET_PASSWORD: 'again' }, password: 'again' },
    { stored: 'mysql://u@h:3307/a', env: {}, password: '' },
  ])('$stored', async ({ stored, env, password }) => {
    const url = await resolveStoredServerUrl(stored, 'target', { env });
    expect(url).toMatchObject({ user: 'u', host: 'h', port: 3307, databases: ['a'], password });
  });
});
