// One peer's pending DocMux work: bounded, run a few tasks at a time, paused while the send queue is full.
import type { DocMuxStats } from "./docSource.ts";

export interface WorkLimits {
  /** Tasks run before yielding to the event loop... */
  batch: number;
  /** ...or fewer, once a batch has taken this long (ms). */
  budgetMs: number;
  /** Work waits while more than this is queued on the connection. */
  maxBufferedBytes: number;
  /** Tasks waiting at once; one more is dropped. */
  maxQueued: number;
  /** Bytes of tasks waiting at once; more are dropped. */
  maxQueuedBytes: number;
}

export interface WorkHooks<T> {
  /** Runs one task; what it throws is counted in `sourceErrors` and the next task runs. */
  run(task: T): Promise<void>;
  /** Bytes a task holds (a received message's length). */
  size(task: T): number;
  /** A task with the same key as one already waiting is not queued twice. */
  key(task: T): string | undefined;
  /** Bytes queued on the connection and not yet sent. */
  backlog(): number;
  /** Runs the work loop; the owner counts it as busy until it settles. */
  start(loop: () => Promise<void>): void;
  /** Tasks were dropped and the queue has drained since: the owner repairs what they would have done. */
  afterOverflow(): void;
}

type Stats = Pick<DocMuxStats, "dropped" | "slices" | "longestSliceMs" | "throttled" | "sourceErrors">;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
/** How often a paused peer's send queue is looked at again. */
const DRAIN_POLL_MS = 50;

export class PeerWork<T> {
  private readonly queue: T[] = [];
  private readonly keys = new Set<string>();
  private bytes = 0;
  private running = false;
  private overflowed = false;
  private closed = false;

  constructor(
    private readonly limits: WorkLimits,
    private readonly stats: Stats,
    private readonly hooks: WorkHooks<T>,
  ) {}

  /** Queues a task; false when it was dropped (the queue was full). */
  push(task: T): boolean {
    if (this.closed) return false;
    const key = this.hooks.key(task);
    if (key !== undefined && this.keys.has(key)) return true;
    const size = this.hooks.size(task);
    if (this.queue.length >= this.limits.maxQueued || this.bytes + size > this.limits.maxQueuedBytes) {
      this.stats.dropped++;
      this.overflowed = true;
      return false;
    }
    this.queue.push(task);
    this.bytes += size;
    if (key !== undefined) this.keys.add(key);
    if (!this.running) {
      this.running = true;
      this.hooks.start(() => this.loop());
    }
    return true;
  }

  /** Drops what is waiting; a task already running finishes. */
  close(): void {
    this.closed = true;
    this.queue.length = 0;
    this.keys.clear();
    this.bytes = 0;
  }

  private async loop(): Promise<void> {
    try {
      while (this.queue.length > 0 && !this.closed) {
        await this.drained();
        const start = performance.now();
        for (let n = 0; this.queue.length > 0 && !this.closed && !this.sliceDone(start, n); n++) {
          const task = this.queue.shift()!;
          this.bytes -= this.hooks.size(task);
          const key = this.hooks.key(task);
          if (key !== undefined) this.keys.delete(key);
          try {
            await this.hooks.run(task);
          } catch {
            this.stats.sourceErrors++; // withDoc or digests failed: this task is lost, the next one runs
          }
        }
        this.stats.slices++;
        this.stats.longestSliceMs = Math.max(this.stats.longestSliceMs, performance.now() - start);
        await sleep(0);
      }
    } finally {
      this.running = false;
    }
    if (this.overflowed && !this.closed) {
      this.overflowed = false;
      this.hooks.afterOverflow();
    }
  }

  /** A batch ends after `batch` tasks, or after one once it has taken `budgetMs` or the send queue is full. */
  private sliceDone(start: number, done: number): boolean {
    if (done >= this.limits.batch) return true;
    if (done === 0) return false;
    return performance.now() - start > this.limits.budgetMs || this.backlog() > this.limits.maxBufferedBytes;
  }

  private backlog(): number {
    try {
      return this.hooks.backlog();
    } catch {
      return 0;
    }
  }

  private async drained(): Promise<void> {
    if (this.backlog() <= this.limits.maxBufferedBytes) return;
    this.stats.throttled++;
    while (!this.closed && this.backlog() > this.limits.maxBufferedBytes) await sleep(DRAIN_POLL_MS);
  }
}
