import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * What a mydumper output folder holds, by file name:
 *   db-schema-create.sql          CREATE DATABASE
 *   db-schema-post.sql            routines and events
 *   db.t-schema.sql               CREATE TABLE (also a placeholder table for each view)
 *   db.t-schema-view.sql          CREATE VIEW
 *   db.t-schema-triggers.sql      CREATE TRIGGER
 *   db.t.sql / db.t.00003.sql     data, one file per primary-key range (chunk), numbered in key order
 */
export interface DumpChunk {
  readonly file: string;
  readonly bytes: number;
  /** Position in primary-key order. */
  readonly index: number;
}

export interface DumpTable {
  /** `db.table`, the key used in the run state and reports. */
  readonly name: string;
  readonly database: string;
  readonly table: string;
  readonly schemaFile: string;
  readonly triggersFile?: string;
  readonly chunks: readonly DumpChunk[];
  readonly bytes: number;
}

export interface DumpFiles {
  readonly dir: string;
  readonly databases: readonly {
    readonly name: string;
    readonly createFile: string;
    readonly postFile?: string;
  }[];
  readonly tables: readonly DumpTable[];
  readonly views: readonly { readonly name: string; readonly file: string }[];
}

const DATABASE_FILE = /^(.+)-schema-(create|post)\.sql$/;
const TABLE_FILE = /^([^.]+)\.(.+?)-schema(?:-(view|triggers))?\.sql$/;
const DATA_FILE = /^([^.]+)\.(.+?)(?:\.(\d+))?\.sql$/;

export async function readDumpFiles(dir: string): Promise<DumpFiles> {
  const names = (await readdir(dir)).sort();
  const databases = new Map<string, { name: string; createFile: string; postFile?: string }>();
  const schemas = new Map<
    string,
    { database: string; table: string; schemaFile: string; triggersFile?: string }
  >();
  const views: { name: string; file: string }[] = [];
  const chunks = new Map<string, DumpChunk[]>();

  for (const file of names) {
    const database = file.match(DATABASE_FILE);
    if (database?.[1] && !database[1].includes('.')) {
      const entry = databases.get(database[1]) ?? { name: database[1], createFile: '' };
      if (database[2] === 'create') entry.createFile = file;
      else entry.postFile = file;
      databases.set(database[1], entry);
      continue;
    }
    const schema = file.match(TABLE_FILE);
    if (schema?.[1] && schema[2]) {
      const name = `${schema[1]}.${schema[2]}`;
      if (schema[3] === 'view') views.push({ name, file });
      else {
        const entry = schemas.get(name) ?? { database: schema[1], table: schema[2], schemaFile: '' };
        if (schema[3] === 'triggers') entry.triggersFile = file;
        else entry.schemaFile = file;
        schemas.set(name, entry);
      }
      continue;
    }
    const data = file.match(DATA_FILE);
    if (data?.[1] && data[2]) {
      const name = `${data[1]}.${data[2]}`;
      const { size } = await stat(join(dir, file));
      const list = chunks.get(name) ?? [];
      list.push({ file, bytes: size, index: data[3] === undefined ? 0 : Number(data[3]) });
      chunks.set(name, list);
    }
  }

  const viewNames = new Set(views.map((view) => view.name));
  const tables: DumpTable[] = [...schemas.entries()]
    .filter(([name, entry]) => !viewNames.has(name) && entry.schemaFile)
    .map(([name, entry]) => {
      const tableChunks = (chunks.get(name) ?? []).sort((a, b) => a.index - b.index);
      return {
        name,
        ...entry,
        chunks: tableChunks,
        bytes: tableChunks.reduce((sum, chunk) => sum + chunk.bytes, 0),
      };
    });
  return { dir, databases: [...databases.values()].filter((entry) => entry.createFile), tables, views };
}
