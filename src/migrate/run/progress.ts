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

interface Rates {
  readonly bytesPerSecond: number;
  readonly etaSeconds: number;
}

function describe(snapshot: ProgressSnapshot, rates: Rates): string {
  const parts: string[] = [];
  if (snapshot.totalTables !== undefined)
    parts.push(`tables ${snapshot.doneTables ?? 0}/${snapshot.totalTables}`);
  if (snapshot.rows !== undefined) parts.push(`rows ≈${formatCount(snapshot.rows)}`);
  if (snapshot.chunks !== undefined) parts.push(`chunks ${snapshot.chunks}`);
  if (snapshot.totalBytes > 0) {
    parts.push(`${formatBytes(snapshot.doneBytes)}/${formatBytes(snapshot.totalBytes)}`);
    parts.push(`${formatBytes(rates.bytesPerSecond)}/s`);
    parts.push(`ETA ${formatDuration(rates.etaSeconds)}`);
  }
  if (snapshot.lagBytes !== undefined) {
    const seconds = snapshot.lagSeconds == null ? '' : ` (server says ${snapshot.lagSeconds} s)`;
    parts.push(
      `replica lag ${snapshot.lagBytes === null ? 'unknown' : formatBytes(snapshot.lagBytes)}${seconds}`,
    );
  }
  return parts.join(' | ');
}

class RateMeter {
  private startedAt = Date.now();
  private startBytes = 0;

  reset(doneBytes: number): void {
    this.startedAt = Date.now();
    this.startBytes = doneBytes;
  }

  rates(snapshot: ProgressSnapshot): Rates {
    const seconds = Math.max(0.001, (Date.now() - this.startedAt) / 1000);
    const bytesPerSecond = (snapshot.doneBytes - this.startBytes) / seconds;
    const etaSeconds =
      bytesPerSecond > 0 ? (snapshot.totalBytes - snapshot.doneBytes) / bytesPerSecond : Infinity;
    return { bytesPerSecond, etaSeconds };
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
    this.meter.reset(0);
  }

  update(snapshot: ProgressSnapshot): void {
    const total = Math.max(1, snapshot.totalBytes);
    const payload = { phase: this.phaseName, detail: describe(snapshot, this.meter.rates(snapshot)) };
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
  private phaseName = '';

  constructor(
    private readonly stream: NodeJS.WritableStream,
    private readonly intervalMs: number,
  ) {}

  phase(name: string): void {
    this.phaseName = name;
    this.meter.reset(0);
    this.lastLineAt = 0;
  }

  update(snapshot: ProgressSnapshot): void {
    const now = Date.now();
    if (now - this.lastLineAt < this.intervalMs) return;
    this.lastLineAt = now;
    this.log(`${this.phaseName}: ${describe(snapshot, this.meter.rates(snapshot))}`);
  }

  log(line: string): void {
    this.stream.write(`[${new Date().toISOString().slice(11, 19)}] ${line}\n`);
  }

  stop(): void {}
}

export function createProgressReporter(stream: NodeJS.WriteStream = process.stderr): ProgressReporter {
  return stream.isTTY ? new TerminalProgress(stream) : new LineProgress(stream, 5000);
}
