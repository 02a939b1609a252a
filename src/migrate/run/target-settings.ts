import type { Connection } from 'mysql2/promise';
import { targetLoadSettings, type DialectKind } from '../dialect.ts';
import { queryRows, tryQuery } from './script-connection.ts';
import type { RunStateStore } from './state.ts';

/**
 * The plan's load settings, applied where the target lets us: session settings on every loading
 * connection, global ones once, with their original values saved in the run state first so a
 * crashed run still puts them back.
 */
export async function applySessionLoadSettings(connection: Connection, kind: DialectKind): Promise<void> {
  for (const setting of targetLoadSettings(kind)) {
    if (setting.scope === 'session' && setting.statement) {
      await tryQuery(connection, setting.statement.sql, [...setting.statement.params]);
    }
  }
}

export async function applyGlobalLoadSettings(
  connection: Connection,
  kind: DialectKind,
  store: RunStateStore,
): Promise<string[]> {
  const load = store.state.load;
  if (!load || load.savedSettings) return [];
  const globals = targetLoadSettings(kind).filter(
    (setting) => setting.scope === 'global' && setting.statement,
  );
  const saved: { name: string; original: string }[] = [];
  for (const setting of globals) {
    const [row] = await queryRows<{ Value: string }>(connection, 'SHOW GLOBAL VARIABLES LIKE ?', [
      setting.name,
    ]);
    if (row) saved.push({ name: setting.name, original: String(row.Value) });
  }
  load.savedSettings = saved;
  await store.save();
  const skipped: string[] = [];
  for (const setting of globals) {
    if (!saved.some((entry) => entry.name === setting.name)) continue;
    const statement = setting.statement!;
    if (!(await tryQuery(connection, statement.sql, [...statement.params]))) skipped.push(setting.name);
  }
  return skipped;
}

export async function restoreGlobalLoadSettings(connection: Connection, store: RunStateStore): Promise<void> {
  const load = store.state.load;
  if (!load?.savedSettings) return;
  for (const { name, original } of load.savedSettings) {
    if (!/^\w+$/.test(name)) continue;
    await tryQuery(connection, `SET GLOBAL ${name} = ?`, [
      /^\d+$/.test(original) ? Number(original) : original,
    ]);
  }
  delete load.savedSettings;
  await store.save();
}
