import type { Options } from 'yargs';
import type { RunOutcome } from '../pipeline/review.ts';
import { summaryLine } from '../schedule/summary-line.ts';
import { ExitCode } from './exit-code.ts';

/** Flags of a run nobody watches: where to tell about it and where to keep it. */
export const unattendedOptions = {} satisfies Record<string, Options>;

export type UnattendedArgs = object;

/** After the run folder and history are written: the machine-readable summary line when no one watches. */
export async function finishUnattended(_args: UnattendedArgs, outcome: RunOutcome): Promise<void> {
  if (!process.stdout.isTTY) console.log(summaryLine(outcome, ExitCode.value));
}
