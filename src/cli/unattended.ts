import type { Options } from 'yargs';
import { notifyAll, parseChannel } from '../notify/channels.ts';
import { noticeFor } from '../notify/notice.ts';
import type { RunOutcome } from '../pipeline/review.ts';
import { summaryLine } from '../schedule/summary-line.ts';
import { ExitCode } from './exit-code.ts';
import { list } from './options.ts';

/** Flags of a run nobody watches: whom to tell about it. */
export const unattendedOptions = {
  notify: {
    type: 'string',
    array: true,
    describe:
      'After the run, post the summary and new/resolved findings to a Slack or Teams webhook URL or an SNS topic ARN (repeatable)',
  },
} satisfies Record<string, Options>;

export type UnattendedArgs = { notify?: string[] };

/** Checked before the run, so a mistyped --notify fails at once, not after an hour of collection. */
export function channelsFromArgs(args: UnattendedArgs) {
  return (list(args.notify) ?? []).map(parseChannel);
}

/**
 * After the run folder and history are written: notifications (a failed one is reported, the run stands)
 * and, when no one watches, the machine-readable summary line.
 */
export async function finishUnattended(args: UnattendedArgs, outcome: RunOutcome): Promise<void> {
  const channels = channelsFromArgs(args);
  const notified: Record<string, string> = {};
  if (channels.length > 0) {
    const notice = await noticeFor(outcome, ExitCode.value, outcome.outDir);
    for (const delivery of await notifyAll(channels, notice)) {
      notified[delivery.channel.label] = delivery.error ? `failed: ${delivery.error}` : 'sent';
      if (delivery.error)
        console.error(`wareview: notification to ${delivery.channel.label} failed: ${delivery.error}`);
      else console.log(`  notified ${delivery.channel.label}`);
    }
  }
  if (!process.stdout.isTTY)
    console.log(summaryLine(outcome, ExitCode.value, channels.length > 0 ? { notified } : {}));
}
