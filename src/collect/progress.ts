import type { CallEvent } from '../aws/clients.ts';
import type { CoverageGap } from '../inventory/schema.ts';

/** What a collection run reports while it works; the CLI turns it into a live display or log lines. */
export type ProgressEvent =
  | { type: 'scope'; accounts: number; regions: string[]; tasks: number }
  | { type: 'call'; call: CallEvent }
  | { type: 'task-done'; accountId: string; region: string; part: string; items: number }
  | { type: 'gap'; gap: CoverageGap }
  | { type: 'account-done'; accountId: string }
  | { type: 'done'; summary: CollectSummary };

export interface CollectSummary {
  accounts: number;
  regions: number;
  tasks: number;
  calls: number;
  retries: number;
  resources: number;
  gaps: number;
  elapsedMs: number;
}

export type ProgressSink = (event: ProgressEvent) => void;
