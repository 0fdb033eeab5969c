export interface MicroBatcherOptions<In = unknown> {
  /** Most inputs in one batch. */
  readonly maxBatch: number;
  /** Batches running at once; inputs arriving meanwhile wait and go together in the next one. */
  readonly maxInFlight: number;
  /** A failed batch of several inputs is re-run one input at a time when this says so, so one bad input fails alone. */
  readonly retryAlone: (error: unknown) => boolean;
  /** Inputs with the same key never share a batch: a repeat waits for a later one. A null key conflicts with none. */
  readonly key?: (input: In) => string | null;
}

interface Pending<In, Out> {
  readonly input: In;
  readonly resolve: (output: Out) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Turns many concurrent calls into few: calls made while `maxInFlight` batches run are queued and handed to
 * `run` together (one statement, one round trip). An idle batcher runs a call on the next turn of the event
 * loop, so batching adds no wait under light load. `run` returns one output per input, in order.
 */
export class MicroBatcher<In, Out> {
  private readonly queue: Pending<In, Out>[] = [];
  private inFlight = 0;
  private scheduled = false;

  constructor(
    private readonly run: (inputs: In[]) => Promise<Out[]>,
    private readonly options: MicroBatcherOptions<In>,
  ) {}

  submit(input: In): Promise<Out> {
    return new Promise<Out>((resolve, reject) => {
      this.queue.push({ input, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.queue.length === 0 || this.inFlight >= this.options.maxInFlight) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      while (this.queue.length > 0 && this.inFlight < this.options.maxInFlight) void this.runBatch(this.takeBatch());
    });
  }

  private takeBatch(): Pending<In, Out>[] {
    const { key, maxBatch } = this.options;
    if (key === undefined) return this.queue.splice(0, maxBatch);
    const keys = new Set<string>();
    const batch: Pending<In, Out>[] = [];
    for (let index = 0; index < this.queue.length && batch.length < maxBatch;) {
      const k = key(this.queue[index].input);
      if (k !== null && keys.has(k)) {
        index += 1;
        continue;
      }
      if (k !== null) keys.add(k);
      batch.push(...this.queue.splice(index, 1));
    }
    return batch;
  }

  private async runBatch(batch: Pending<In, Out>[]): Promise<void> {
    this.inFlight += 1;
    try {
      await this.settle(batch);
    } finally {
      this.inFlight -= 1;
      this.schedule();
    }
  }

  private async settle(batch: Pending<In, Out>[]): Promise<void> {
    try {
      const outputs = await this.run(batch.map((pending) => pending.input));
      batch.forEach((pending, index) => pending.resolve(outputs[index]));
    } catch (error) {
      if (batch.length > 1 && this.options.retryAlone(error)) {
        await Promise.all(batch.map((pending) => this.settle([pending])));
      } else {
        for (const pending of batch) pending.reject(error);
      }
    }
  }
}
