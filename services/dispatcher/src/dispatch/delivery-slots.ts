import { Sema } from 'async-sema';

/** Thrown to a caller waiting for a slot when the dispatcher stops: its message goes back to the queue. */
export class DispatcherStoppingError extends Error {
  constructor() {
    super('dispatcher is stopping');
  }
}

/**
 * This dispatcher's deliveries in flight (CONCURRENT). A delivery holds its slot from its claim to its recorded
 * outcome and runs apart from the message that announced it, so the message is acked once the claim is committed:
 * no prefetch is held while a receiver takes its time. On shutdown, `refuse` stops new claims, `drain` waits for the
 * deliveries in flight.
 */
export class DeliverySlots {
  private readonly sema: Sema;
  private readonly running = new Set<Promise<void>>();
  private stopping = false;
  /** Those waiting for a slot, told when `refuse` is called. Each call adds and removes its own entry. */
  private readonly waiting = new Set<() => void>();

  /** `onError` gets what a background delivery threw: nothing waits for it to settle but `drain`. */
  constructor(
    readonly size: number,
    private readonly onError: (error: unknown) => void,
  ) {
    this.sema = new Sema(size);
  }

  /** Waits for a free slot; throws DispatcherStoppingError once `refuse` was called, also to those already waiting. */
  async acquire(): Promise<void> {
    if (this.stopping) throw new DispatcherStoppingError();
    // A stop signal of its own, dropped once settled: a reaction on one promise shared by every call would keep
    // each call's closures alive until shutdown (the memory grew with every delivery).
    const acquired = this.sema.acquire();
    let stop!: () => void;
    const stopped = new Promise<boolean>((resolve) => (stop = () => resolve(false)));
    this.waiting.add(stop);
    let won: boolean;
    try {
      won = await Promise.race([acquired.then(() => true), stopped]);
    } finally {
      this.waiting.delete(stop);
    }
    if (won && !this.stopping) return;
    void acquired.then(() => this.sema.release());
    throw new DispatcherStoppingError();
  }

  /** True once `refuse` was called: no new work should be taken on. */
  get refusing(): boolean {
    return this.stopping;
  }

  /** Takes a free slot if there is one, without waiting. */
  tryAcquire(): boolean {
    return !this.stopping && this.sema.tryAcquire() !== undefined;
  }

  release(): void {
    this.sema.release();
  }

  /** Runs `work` in the background on a slot already acquired, and frees the slot when it settles. */
  run(work: () => Promise<void>): void {
    this.track(work().finally(() => this.sema.release()));
  }

  /** Keeps `work` (which holds no slot) among what `drain` waits for. */
  track(work: Promise<void>): void {
    const settled = work.catch(this.onError);
    this.running.add(settled);
    void settled.then(() => this.running.delete(settled));
  }

  /** No new slot from now on: those waiting for one are refused at once. */
  refuse(): void {
    this.stopping = true;
    for (const stop of this.waiting) stop();
    this.waiting.clear();
  }

  /** Resolves once nothing runs, including what was started while waiting. */
  async whenIdle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  /** Refuses new slots and waits up to `timeoutMs` for the deliveries in flight; those still running are abandoned to their leases. */
  async drain(timeoutMs: number): Promise<void> {
    this.refuse();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.whenIdle(), new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
    clearTimeout(timer);
  }
}
