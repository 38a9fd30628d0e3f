/**
 * The progress line of a long run on a terminal: files done of the total, the rate and
 * the time left, redrawn in place on stderr at most ten times a second. Nothing is
 * shown for runs that finish within the first half second.
 */
export class ProgressLine {
  private readonly started = Date.now();
  private lastDraw = 0;
  private shown = false;

  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly total: number,
    private readonly delayMs = 500,
  ) {}

  update(done: number): void {
    const now = Date.now();
    if (now - this.started < this.delayMs || (now - this.lastDraw < 100 && done < this.total)) return;
    this.lastDraw = now;
    this.shown = true;
    this.stream.write(`\r${formatProgress(done, this.total, (now - this.started) / 1000)}\u001b[K`);
  }

  /** Clears the line so the report starts on a clean line. */
  finish(): void {
    if (this.shown) this.stream.write('\r\u001b[K');
  }
}

export function formatProgress(done: number, total: number, seconds: number): string {
  const rate = seconds > 0 ? done / seconds : 0;
  const left = rate > 0 ? (total - done) / rate : 0;
  const percent = total > 0 ? Math.floor((100 * done) / total) : 100;
  return `scrapelint: ${done}/${total} files (${percent}%), ${rate.toFixed(0)} files/s, ${clock(left)} left`;
}

function clock(seconds: number): string {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}
