import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Keeps a large scan's heap near what it holds. V8 lets garbage pile up to several times the live
 * heap before collecting it; over a 100 k-resource organization that doubled peak memory (measured in
 * bench/README.md, section scan). After an account is done, a full collection runs when the heap has
 * grown past `factor` times what survived the last one. `--max-old-space-size` would do the same, but
 * V8 only reads it at start-up, and wareview is started by its users.
 */
export class MemoryCeiling {
  private readonly collect: (() => void) | undefined;
  private survived = 0;

  constructor(
    private readonly factor = 2,
    private readonly floorBytes = 192 * 1024 * 1024,
  ) {
    v8.setFlagsFromString('--expose-gc');
    this.collect = runInNewContext('typeof gc === "function" ? gc : undefined') as (() => void) | undefined;
  }

  /** After an account: collect when the heap has grown past the ceiling. */
  check(): void {
    const used = process.memoryUsage().heapUsed;
    if (used >= Math.max(this.floorBytes, this.survived * this.factor)) this.collectNow();
  }

  /** Before the snapshot is handed on to be validated and written, which needs room of its own. */
  collectNow(): void {
    if (!this.collect) return;
    this.collect();
    this.survived = process.memoryUsage().heapUsed;
  }
}
