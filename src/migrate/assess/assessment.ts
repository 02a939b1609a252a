import { describeServer, withConnection } from '../connection.ts';
import type { Finding } from '../plan-schema.ts';
import type { ServerUrl } from '../source-url.ts';
import {
  inspectSchema,
  inspectServer,
  listAccounts,
  type ProgramFacts,
  resolveDatabases,
  type SchemaFacts,
  type ServerFacts,
  type TableFacts,
} from './inspect.ts';
import { evaluateRules, targetKindFindings } from './rules.ts';

/** The result of `migrate assess`, also its JSON output. */
export interface Assessment {
  readonly createdAt: string;
  readonly source: {
    readonly url: string;
    readonly server: string;
    readonly flavour: string;
    readonly version: string;
    readonly dialect: string;
    readonly serverId: number;
    readonly logBin: boolean;
    readonly binlogFormat: string;
    readonly binlogRowImage: string;
    readonly gtidMode: string;
    readonly retention: { readonly seconds: number | null; readonly setting: string } | null;
    readonly sqlMode: readonly string[];
    readonly collationServer: string;
  };
  readonly target: { readonly url: string; readonly server: string } | null;
  readonly targetKind: 'aurora' | 'mysql';
  readonly databases: readonly string[];
  readonly totals: {
    readonly tables: number;
    readonly rows: number;
    readonly dataBytes: number;
    readonly indexBytes: number;
  };
  /** Largest first. */
  readonly tables: readonly TableFacts[];
  readonly programs: readonly ProgramFacts[];
  readonly blockers: readonly Finding[];
  readonly warnings: readonly Finding[];
  readonly info: readonly Finding[];
}

export interface SourceFacts {
  readonly server: ServerFacts;
  readonly schema: SchemaFacts;
  readonly databases: readonly string[];
}

/** Reads everything assess and plan need from the source in one connection. */
export function gatherSourceFacts(source: ServerUrl): Promise<SourceFacts> {
  return withConnection(source, 'source', async (connection) => {
    const server = await inspectServer(connection, source.redacted);
    const databases = await resolveDatabases(connection, source.databases);
    const schema = await inspectSchema(connection, databases);
    return { server, schema, databases };
  });
}

export interface TargetFacts {
  readonly server: ServerFacts;
  readonly accounts: ReadonlySet<string> | null;
}

export function gatherTargetFacts(target: ServerUrl): Promise<TargetFacts> {
  return withConnection(target, 'target', async (connection) => ({
    server: await inspectServer(connection, target.redacted),
    accounts: await listAccounts(connection),
  }));
}

export function buildAssessment(
  facts: SourceFacts,
  options: { target: TargetFacts | null; targetKind: 'aurora' | 'mysql'; now?: Date },
): Assessment {
  const { server, schema } = facts;
  const findings = [
    ...(options.target ? targetKindFindings(options.targetKind, options.target.server.info) : []),
    ...evaluateRules({
      source: server,
      schema,
      targetKind: options.targetKind,
      targetAccounts: options.target?.accounts ?? null,
    }),
  ];
  const tables = [...schema.tables].sort((a, b) => b.dataBytes + b.indexBytes - (a.dataBytes + a.indexBytes));
  const sum = (pick: (table: TableFacts) => number): number =>
    tables.reduce((total, table) => total + pick(table), 0);
  return {
    createdAt: (options.now ?? new Date()).toISOString(),
    source: {
      url: server.url,
      server: describeServer(server.info),
      flavour: server.info.flavour,
      version: server.info.version,
      dialect: server.dialect,
      serverId: server.serverId,
      logBin: server.logBin,
      binlogFormat: server.binlogFormat,
      binlogRowImage: server.binlogRowImage,
      gtidMode: server.gtidMode,
      retention: server.retention,
      sqlMode: server.sqlMode,
      collationServer: server.collationServer,
    },
    target: options.target
      ? { url: options.target.server.url, server: describeServer(options.target.server.info) }
      : null,
    targetKind: options.targetKind,
    databases: facts.databases,
    totals: {
      tables: tables.length,
      rows: sum((table) => table.rows),
      dataBytes: sum((table) => table.dataBytes),
      indexBytes: sum((table) => table.indexBytes),
    },
    tables,
    programs: schema.programs,
    blockers: findings.filter((finding) => finding.severity === 'blocker'),
    warnings: findings.filter((finding) => finding.severity === 'warning'),
    info: findings.filter((finding) => finding.severity === 'info'),
  };
}

export async function assess(options: {
  source: ServerUrl;
  target?: ServerUrl;
  targetKind: 'aurora' | 'mysql';
}): Promise<Assessment> {
  const [facts, target] = await Promise.all([
    gatherSourceFacts(options.source),
    options.target ? gatherTargetFacts(options.target) : Promise.resolve(null),
  ]);
  return buildAssessment(facts, { target, targetKind: options.targetKind });
}
