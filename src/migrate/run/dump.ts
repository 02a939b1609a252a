import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { RunContext } from './context.ts';
import { readDumpFiles } from './dump-files.ts';
import { readDumpCoordinates, runMydumper, type DumpToolVersions } from './mydumper.ts';
import { formatBytes } from './progress.ts';
import { retryStalledTool } from './watchdog.ts';

/**
 * The dump step. mydumper writes into `<dir>.partial`, renamed into place only when it finished,
 * so a killed dump is simply taken again (its coordinates would belong to a dump never loaded).
 */
export async function dumpStep(context: RunContext, tools: DumpToolVersions): Promise<void> {
  const { store, progress, dumpDir } = context;
  const partial = `${dumpDir}.partial`;
  await rm(dumpDir, { recursive: true, force: true });
  await mkdir(dirname(dumpDir), { recursive: true });
  progress.phase('dump');
  progress.log(
    `dump: mydumper ${tools.mydumper}, ${context.threads} threads, ${context.chunkRows} rows per chunk`,
  );
  const startedAt = Date.now();
  let chunksWritten = 0;
  // A dump is one consistent snapshot: after a stall it is taken again whole, never continued.
  await retryStalledTool(
    'the dump (mydumper)',
    context.supervision,
    (line) => progress.log(line),
    async () => {
      await rm(partial, { recursive: true, force: true });
      chunksWritten = 0;
      await runMydumper(
        {
          source: context.source,
          databases: context.databases,
          outputDir: partial,
          threads: context.threads,
          chunkRows: context.chunkRows,
        },
        {
          env: context.env,
          onStderrLine: (line) => {
            if (/dumping data for/.test(line)) chunksWritten += 1;
            progress.update({ doneBytes: 0, totalBytes: 0, chunks: chunksWritten });
          },
          stall: { stallMs: context.supervision.stallMs, probe: () => folderSize(partial) },
        },
      );
    },
  );
  const coordinates = await readDumpCoordinates(partial);
  await rename(partial, dumpDir);
  const files = await readDumpFiles(dumpDir);
  const seconds = (Date.now() - startedAt) / 1000;
  const bytes = files.tables.reduce((sum, table) => sum + table.bytes, 0);
  store.state.dump = { dir: dumpDir, coordinates, toolVersion: tools.mydumper, seconds };
  progress.log(
    `dump: ${files.tables.length} tables, ${formatBytes(bytes)} in ${seconds.toFixed(1)} s; ` +
      `source position ${coordinates.file}:${coordinates.position}${coordinates.gtid ? ` (GTID ${coordinates.gtid})` : ''}`,
  );
  await store.complete('dump');
}

/** How many files the dump folder holds and how many bytes: a working mydumper makes either grow. */
async function folderSize(dir: string): Promise<string> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const sizes = await Promise.all(
    names.map((name) =>
      stat(join(dir, name)).then(
        (entry) => entry.size,
        () => 0,
      ),
    ),
  );
  return `${names.length} files, ${sizes.reduce((sum, size) => sum + size, 0)} bytes`;
}
