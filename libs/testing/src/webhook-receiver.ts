import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface ReceivedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
  readonly receivedAt: number;
  /** The client's port: two requests with the same one came over the same connection. */
  readonly remotePort: number;
}

export interface ReceiverOptions {
  /** How long an idle keep-alive connection stays open (1 s by default). */
  readonly keepAliveTimeoutMs?: number;
}

export interface ReceiverReply {
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body?: string | Buffer;
  /** Never answer (the connection stays open until the client gives up). */
  readonly hang?: boolean;
  /** Answer after this long, so that deliveries are in flight when something breaks. */
  readonly delayMs?: number;
}

export type Responder = (request: ReceivedRequest, index: number) => ReceiverReply;

/** A real HTTP server on 127.0.0.1 that records every request and answers as told. */
export class WebhookReceiver {
  readonly requests: ReceivedRequest[] = [];
  private readonly waiters: { count: number; resolve: () => void }[] = [];
  private readonly closeWaiters = new Map<number, () => void>();
  private readonly closedPorts = new Set<number>();
  private server: Server | null = null;
  private responder: Responder = () => ({ status: 204 });

  constructor(private readonly options: ReceiverOptions = {}) {}

  respondWith(responder: Responder): void {
    this.responder = responder;
  }

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const received: ReceivedRequest = {
          method: request.method ?? '',
          path: request.url ?? '/',
          headers: request.headers,
          body: Buffer.concat(chunks),
          receivedAt: Date.now(),
          remotePort: request.socket.remotePort ?? 0,
        };
        const index = this.requests.push(received) - 1;
        const reply = this.responder(received, index);
        this.notify();
        if (reply.hang) return;
        const answer = () => {
          response.writeHead(reply.status, reply.headers);
          response.end(reply.body);
        };
        if (reply.delayMs) setTimeout(answer, reply.delayMs);
        else answer();
      });
    });
    this.server.keepAliveTimeout = this.options.keepAliveTimeoutMs ?? 1000;
    this.server.on('connection', (socket: Socket) => {
      const port = socket.remotePort ?? 0;
      this.closedPorts.delete(port);
      socket.once('close', () => {
        this.closedPorts.add(port);
        this.closeWaiters.get(port)?.();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this.url;
  }

  get url(): string {
    const address = this.server?.address() as AddressInfo;
    return `http://127.0.0.1:${address.port}`;
  }

  /** Resolves once `count` requests have arrived in total; rejects after `timeoutMs`. */
  waitForRequests(count: number, timeoutMs = 30_000): Promise<ReceivedRequest[]> {
    if (this.requests.length >= count) return Promise.resolve(this.requests.slice());
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`receiver got ${this.requests.length} of ${count} requests within ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.waiters.push({
        count,
        resolve: () => {
          clearTimeout(timer);
          resolve(this.requests.slice());
        },
      });
    });
  }

  /** Resolves once the connection from the client's `remotePort` has closed; rejects after `timeoutMs`. */
  waitForClose(remotePort: number, timeoutMs = 30_000): Promise<void> {
    if (this.closedPorts.has(remotePort)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`the connection from port ${remotePort} was still open after ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.closeWaiters.set(remotePort, () => {
        clearTimeout(timer);
        this.closeWaiters.delete(remotePort);
        resolve();
      });
    });
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = null;
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) {
      if (this.requests.length >= waiter.count) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  }
}
