import type { CommandModule } from 'yargs';
import { checksCommand } from './checks.ts';
import { collectCommand } from './collect.ts';
import { historyCommand } from './history.ts';
import { iamPolicyCommand } from './iam-policy.ts';
import { evaluateCommand } from './evaluate.ts';
import { lensCommand } from './lens.ts';
import { mergeCommand } from './merge.ts';
import { migrateCommand } from './migrate.ts';
import { recordCommand } from './record.ts';
import { reportCommand } from './report.ts';
import { reviewCommand } from './review.ts';
import { scheduleCommand } from './schedule.ts';

/**
 * Every command, one module each in src/cli/. Add a command by importing its module and listing it here.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const commands: CommandModule<any, any>[] = [
  reviewCommand,
  collectCommand,
  mergeCommand,
  iamPolicyCommand,
  evaluateCommand,
  reportCommand,
  checksCommand,
  historyCommand,
  migrateCommand,
  recordCommand,
  lensCommand,
  scheduleCommand,
];
