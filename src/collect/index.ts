/** Public API of collection, used by the `collect` and `review` commands. */
export { collectInventory, countResources } from './run.ts';
export type { CollectOptions } from './options.ts';
export type { ProgressEvent, ProgressSink, CollectSummary } from './progress.ts';
export { collectorsFor, requiredActions, COLLECTORS } from './registry.ts';
