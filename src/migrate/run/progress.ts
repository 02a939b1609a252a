import cliProgress from 'cli-progress';

/**
 * Progress of a run: a live bar on a terminal (tables, rows, bytes, rate, ETA, replica lag),
 * plain timestamped lines otherwise (CI logs, files), at most one every few seconds.
 */
export interface ProgressSnapshot {
  readonly doneBytes: number;
  readonly totalBytes: number;
  readonly doneTables?: number;
  readonly totalTables?: number;
  readonly rows?: number;
  readonly chunks?: number;
  /** Replica lag in bytes of source binlog still to apply, and the server's own seconds figure. */
  readonly lagBytes?: number | null;
  readonly lagSeconds?: number | null;
}

export interface ProgressReporter {
  phase(name: string): void;
  update(snapshot: ProgressSnapshot): void;
  log(line: string): void;
  stop(): void;
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
}

export function formatCount(count: number): string {
  if (count >= 1e6) return `${(count / 1e6).toFixed(1)} M`;
  if (count >= 1e4) return `${(count / 1e3).toFixed(0)} k`;
  return String(Math.round(count));
}

function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '–';
  const s = Math.round(seconds);
  return s >= 3600
    ? `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`
    : s >= 60
      ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`
      : `${s}s`;
}

/** Null until enough has been measured in this process to say anything true. */
export interface Rates {
  readonly bytesPerSecond: number | null;
  readonly etaSeconds: number | null;
}

export function describeProgress(snapshot: ProgressSnapshot, rates: Rates): string {
  const parts: string[] = [];
  if (snapshot.totalTables !== undefined)
    parts.push(`tables ${snapshot.doneTables ?? 0}/${snapshot.totalTables}`);
  if (snapshot.rows !== undefined) parts.push(`rows ≈${formatCount(snapshot.rows)}`);
  if (snapshot.chunks !== undefined) parts.push(`chunks ${snapshot.chunks}`);
  if (snapshot.totalBytes > 0) {
    parts.push(`${formatBytes(snapshot.doneBytes)}/${formatBytes(snapshot.totalBytes)}`);
    if (snapshot.doneBytes >= snapshot.totalBytes) parts.push('done');
    else {
      parts.push(rates.bytesPerSecond === null ? 'rate –' : `${formatBytes(rates.bytesPerSecond)}/s`);
      parts.push(`ETA ${rates.etaSeconds === null ? '–' : formatDuration(rates.etaSeconds)}`);
    }
  }
  if (snapshot.lagBytes !== undefined) {
    const seconds = snapshot.lagSeconds == null ? '' : ` (server says ${snapshot.lagSeconds} s)`;
    parts.push(
      `replica lag ${snapshot.lagBytes === null ? 'unknown' : formatBytes(snapshot.lagBytes)}${seconds}`,
    );
  }
  return parts.join(' | ');
}

/** Seconds of measuring before a rate is shown: one finished chunk is not a rate. */
const MIN_RATE_SECONDS = 3;

/**
 * The rate counts only bytes moved since the phase's first snapshot in this process: on resume the
 * bytes a previous run finished are already done and say nothing about how fast this one goes.
 */
export class RateMeter {
  private baseline: { readonly at: number; readonly bytes: number } | null = null;

  constructor(private readonly now: () => number = Date.now) {}

  reset(): void {
    this.baseline = null;
  }

  rates(snapshot: ProgressSnapshot): Rates {
    this.baseline ??= { at: this.now(), bytes: snapshot.doneBytes };
    const seconds = (this.now() - this.baseline.at) / 1000;
    const moved = snapshot.doneBytes - this.baseline.bytes;
    if (seconds < MIN_RATE_SECONDS || moved <= 0) return { bytesPerSecond: null, etaSeconds: null };
    const bytesPerSecond = moved / seconds;
    return { bytesPerSecond, etaSeconds: (snapshot.totalBytes - snapshot.doneBytes) / bytesPerSecond };
  }
}

class TerminalProgress implements ProgressReporter {
  private readonly bar = new cliProgress.SingleBar(
    { format: '{phase} |{bar}| {percentage}% | {detail}', hideCursor: true, clearOnComplete: false },
    cliProgress.Presets.shades_classic,
  );
  private readonly meter = new RateMeter();
  private started = false;
  private phaseName = '';

  constructor(private readonly stream: NodeJS.WriteStream) {}

  phase(name: string): void {
    this.stopBar();
    this.phaseName = name;
    this.meter.reset();
  }

  update(snapshot: ProgressSnapshot): void {
    const total = Math.max(1, snapshot.totalBytes);
    const payload = { phase: this.phaseName, detail: describeProgress(snapshot, this.meter.rates(snapshot)) };
    if (!this.started) {
      this.bar.start(total, Math.min(total, snapshot.doneBytes), payload);
      this.started = true;
    } else {
      this.bar.setTotal(total);
      this.bar.update(Math.min(total, snapshot.doneBytes), payload);
    }
  }

  log(line: string): void {
    if (this.started) this.bar.stop();
    this.stream.write(`${line}\n`);
    this.started = false;
  }

  stop(): void {
    this.stopBar();
  }

  private stopBar(): void {
    if (this.started) this.bar.stop();
    this.started = false;
  }
}

class LineProgress implements ProgressReporter {
  private readonly meter = new RateMeter();
  private lastLineAt = 0;
  private finishedWritten = false;
  private phaseName = '';

  constructor(
    private readonly stream: NodeJS.WritableStream,
    private readonly intervalMs: number,
  ) {}

  phase(name: string): void {
    this.phaseName = name;
    this.meter.reset();
    this.lastLineAt = 0;
    this.finishedWritten = false;
  }

  update(snapshot: ProgressSnapshot): void {
    const now = Date.now();
    // The last snapshot of a phase is always written, so the log ends on the true counts.
    const finished =
      snapshot.totalBytes > 0 &&
      snapshot.doneBytes >= snapshot.totalBytes &&
      (snapshot.totalTables === undefined || snapshot.doneTables === snapshot.totalTables);
    if (finished ? this.finishedWritten : now - this.lastLineAt < this.intervalMs) return;
    this.finishedWritten = finished;
    this.lastLineAt = now;
    this.log(`${this.phaseName}: ${describeProgress(snapshot, this.meter.rates(snapshot))}`);
  }

  log(line: string): void {
    this.stream.write(`[${new Date().toISOString().slice(11, 19)}] ${line}\n`);
  }

  stop(): void {}
}

export function createLineProgress(stream: NodeJS.WritableStream, intervalMs: number): ProgressReporter {
  return new LineProgress(stream, intervalMs);
}

export function createProgressReporter(stream: NodeJS.WriteStream = process.stderr): ProgressReporter {
  return stream.isTTY ? new TerminalProgress(stream) : new LineProgress(stream, 5000);
}
