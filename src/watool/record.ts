import type { WellArchitectedClient } from '@aws-sdk/client-wellarchitected';
import type { ResultsDocument } from '../engine/results.ts';

/** Workload fields used when wareview has to create the workload (all optional: defaults come from the results). */
export interface WorkloadSettings {
  name?: string;
  environment?: 'PRODUCTION' | 'PREPRODUCTION';
  regions?: string[];
  accountIds?: string[];
  reviewOwner?: string;
  description?: string;
  /** Lens aliases associated besides `wellarchitected`. */
  lenses?: string[];
  /** Choices a team declared not applicable, with the WA Tool reason and a note. */
  notApplicable?: NotApplicableChoice[];
}

export interface NotApplicableChoice {
  question: string;
  choice: string;
  reason: 'OUT_OF_SCOPE' | 'BUSINESS_PRIORITIES' | 'ARCHITECTURE_CONSTRAINTS' | 'OTHER';
  note?: string;
}

export interface RecordLogger {
  info(message: string): void;
  warn(message: string): void;
}

export interface RecordOptions {
  workloadName?: string;
  workloadId?: string;
  /** Print what would change and write nothing. */
  dryRun?: boolean;
  /** Unselect choices the evidence disproves, even when a person selected them. */
  authoritative?: boolean;
  /** Lens aliases to record into; `wellarchitected` when empty. */
  lenses?: string[];
  /** Run folder: the WA Tool's lens review PDF is saved here as `wa-tool-lens-review.pdf`. */
  outDir?: string;
  /** A ready client (tests, shared factories); otherwise one is built from region/endpoint and the SDK's settings. */
  client?: WellArchitectedClient;
  region?: string;
  endpoint?: string;
  config?: WorkloadSettings;
  logger?: RecordLogger;
}

export type RiskCounts = Partial<
  Record<'HIGH' | 'MEDIUM' | 'NONE' | 'UNANSWERED' | 'NOT_APPLICABLE', number>
>;

export interface QuestionChange {
  lensAlias: string;
  questionId: string;
  title: string;
  added: string[];
  kept: string[];
  flagged: { choice: string; reason: string }[];
  removed: string[];
  notApplicable: string[];
  noneCleared: boolean;
  notesBefore: string;
  notesAfter: string;
  changed: boolean;
}

export interface RecordSummary {
  dryRun: boolean;
  workload: { id: string | undefined; arn: string | undefined; name: string; created: boolean };
  lenses: { alias: string; associated: boolean; riskCounts: RiskCounts | undefined }[];
  questions: QuestionChange[];
  answersUpdated: number;
  milestone: { number: number; name: string } | undefined;
  reportPdf: string | undefined;
  warnings: string[];
}

export async function recordResults(
  results: ResultsDocument,
  options: RecordOptions,
): Promise<RecordSummary> {
  void results;
  void options;
  throw new Error('recordResults: implementation lands in the next commit');
}
