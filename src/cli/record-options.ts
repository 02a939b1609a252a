import type { Options } from 'yargs';
import type { LoadedConfig } from '../config.ts';
import { MILESTONE_POLICIES, type MilestonePolicy } from '../watool/milestone.ts';
import type { RecordOptions } from '../watool/record.ts';
import { collectionOptions } from './collect-options.ts';
import { list } from './options.ts';

/** The WA Tool flags of `record` and `review --record`: one table, one meaning. */
export const recordingOptions = {
  profile: collectionOptions.profile,
  'workload-name': { type: 'string', describe: 'WA Tool workload (found by exact name, else created)' },
  'workload-id': { type: 'string', describe: 'WA Tool workload id (32 hex characters)' },
  'dry-run': { type: 'boolean', default: false, describe: 'Print the answer changes, write nothing' },
  authoritative: {
    type: 'boolean',
    default: false,
    describe: "Unselect choices the evidence disproves, even a person's",
  },
  lens: { type: 'string', array: true, describe: 'Lens alias to record into as well (repeatable)' },
  milestone: {
    type: 'string',
    choices: MILESTONE_POLICIES,
    default: 'changed',
    describe: 'When to create a milestone: always, only when answers or risk counts changed, or never',
  },
} satisfies Record<string, Options>;

export interface RecordingArgs {
  profile?: string;
  'workload-name'?: string;
  'workload-id'?: string;
  'dry-run'?: boolean;
  authoritative?: boolean;
  lens?: string[];
  milestone?: MilestonePolicy;
}

/** Flags over the config's `workload` section; the run folder receives the WA Tool's PDF. */
export function recordOptionsFromArgs(
  args: RecordingArgs,
  loaded: LoadedConfig,
  outDir: string,
  defaultWorkloadName?: string,
): RecordOptions {
  const workload = loaded.config.workload;
  return {
    workloadName: args['workload-name'] ?? workload?.name ?? defaultWorkloadName,
    workloadId: args['workload-id'] ?? workload?.waToolWorkloadId,
    dryRun: args['dry-run'],
    authoritative: args.authoritative,
    lenses: list(args.lens) ?? workload?.lenses,
    milestone: args.milestone,
    profile: args.profile,
    outDir,
    config: workload,
    logger: {
      info: (message) => console.log(message),
      warn: (message) => console.warn(`warning: ${message}`),
    },
  };
}
