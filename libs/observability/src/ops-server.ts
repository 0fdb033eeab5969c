import { createServer, type Server } from 'node:http';
import type { Registry } from 'prom-client';

export interface OpsServerOptions {
  readonly registry: Registry;
  /** Liveness: the process can still serve. */
  readonly isAlive: () => boolean;
  /** Readiness: dependencies reachable and not shutting down. */
  readonly isReady: () => Promise<boolean>;
}

/** `/metrics`, `/healthz` and `/readyz` on their own port, away from the public API. */
export function createOpsServer(options: OpsServerOptions): Server {
  return createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    const reply = (status: number, contentType: string, body: string) => {
      response.writeHead(status, { 'content-type': contentType });
      response.end(body);
    };
    if (path === '/metrics') {
      options.registry.metrics().then(
        (text) => reply(200, options.registry.contentType, text),
        () => reply(500, 'text/plain', 'metrics unavailable\n'),
      );
    } else if (path === '/healthz') {
      reply(options.isAlive() ? 200 : 503, 'application/json', JSON.stringify({ alive: options.isAlive() }));
    } else if (path === '/readyz') {
      options.isReady().then(
        (ready) => reply(ready ? 200 : 503, 'application/json', JSON.stringify({ ready })),
        () => reply(503, 'application/json', JSON.stringify({ ready: false })),
      );
    } else {
      reply(404, 'text/plain', 'not found\n');
    }
  });
}
