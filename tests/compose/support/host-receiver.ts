import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Delivery {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

/**
 * A webhook receiver on every interface of the Docker host, so the compose network's containers reach it through
 * their gateway. It records each request and answers 204 after `delayMs`, so deliveries are in flight for a while.
 */
export class HostReceiver {
  readonly deliveries: Delivery[] = [];
  private readonly waiters: { done: () => boolean; resolve: () => void }[] = [];
  private server: Server | null = null;
  delayMs = 0;

  async start(): Promise<number> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        this.deliveries.push({ path: request.url ?? '/', headers: request.headers, body: Buffer.concat(chunks) });
        for (const waiter of [...this.waiters]) {
          if (!waiter.done()) continue;
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve();
        }
        setTimeout(() => response.writeHead(204).end(), this.delayMs);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '0.0.0.0', resolve));
    return (this.server.address() as AddressInfo).port;
  }

  /** Resolves once `done()` holds after a delivery (or already holds); rejects after `timeoutMs`. */
  waitUntil(done: () => boolean, description: string, timeoutMs: number): Promise<void> {
    if (done()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`receiver: ${description} not reached within ${timeoutMs} ms (${this.deliveries.length} deliveries)`)),
        timeoutMs,
      );
      this.waiters.push({
        done,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
  }

  eventIds(): Set<string> {
    return new Set(this.deliveries.map((delivery) => String(delivery.headers['x-event-id'])));
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = null;
  }
}
