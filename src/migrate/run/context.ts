import type { DialectKind } from '../dialect.ts';
import type { ServerUrl } from '../source-url.ts';
import type { ProgressReporter } from './progress.ts';
import type { RunStateStore } from './state.ts';
import type { Supervision } from './watchdog.ts';

/** Everything a step needs: the servers (passwords resolved), the plan's choices, state and output. */
export interface RunContext {
  readonly source: ServerUrl;
  readonly target: ServerUrl;
  readonly databases: readonly string[];
  readonly threads: number;
  readonly chunkRows: number;
  /** Where the dump is written (beside the plan unless the plan names a folder). */
  readonly dumpDir: string;
  readonly sourceKind: DialectKind;
  readonly targetKind: DialectKind;
  readonly store: RunStateStore;
  readonly progress: ProgressReporter;
  /** PATH and friends for mydumper/myloader. */
  readonly env: NodeJS.ProcessEnv;
  /** How often the catch-up loop polls the servers. */
  readonly pollMs: number;
  /** When mydumper and myloader count as stalled, and how often a stalled one is started again. */
  readonly supervision: Supervision;
}
