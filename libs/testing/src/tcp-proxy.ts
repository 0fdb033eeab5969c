import { connect, createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A TCP proxy on 127.0.0.1 in front of a shared service (PostgreSQL, RabbitMQ), to simulate its outage for one
 * process without touching the service. `cut()` destroys every open connection and refuses new ones (each is
 * accepted and closed at once, as a dead peer would look to a client); `restore()` forwards again.
 */
export class TcpProxy {
  private readonly sockets = new Set<Socket>();
  private forwarding = true;
  private accepted = 0;

  private constructor(
    private readonly server: Server,
    private readonly target: { host: string; port: number },
  ) {
    server.on('connection', (client) => this.accept(client));
  }

  /** A proxy to `host:port`, listening on an ephemeral port. */
  static async start(host: string, port: number): Promise<TcpProxy> {
    // Half-open on both legs: an end from one side travels through, and replies still flow back.
    const server = createServer({ allowHalfOpen: true });
    const proxy = new TcpProxy(server, { host, port });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    return proxy;
  }

  /** A proxy to the host and port of `url`, and `url` rewritten to go through it. */
  static async forUrl(url: string, defaultPort: number): Promise<{ proxy: TcpProxy; url: string }> {
    const parsed = new URL(url);
    const proxy = await TcpProxy.start(parsed.hostname, Number(parsed.port || defaultPort));
    parsed.hostname = '127.0.0.1';
    parsed.port = String(proxy.port);
    return { proxy, url: parsed.toString() };
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** Client connections accepted so far, forwarded or refused. */
  get connectionsAccepted(): number {
    return this.accepted;
  }

  /** Drops every open connection and refuses new ones until `restore()`. */
  cut(): void {
    this.forwarding = false;
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }

  restore(): void {
    this.forwarding = true;
  }

  async close(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: Socket): void {
    this.accepted += 1;
    if (!this.forwarding) {
      client.destroy();
      return;
    }
    const upstream = connect({ port: this.target.port, host: this.target.host, allowHalfOpen: true });
    for (const [socket, other] of [
      [client, upstream],
      [upstream, client],
    ]) {
      this.sockets.add(socket);
      socket.on('close', () => {
        this.sockets.delete(socket);
        other.end();
      });
      // A reset or a refused upstream ends both legs; an orderly end travels through the pipes.
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream);
    upstream.pipe(client);
  }
}
