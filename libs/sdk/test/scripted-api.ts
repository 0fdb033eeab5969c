import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One answer of the scripted API: a status with a JSON body, a socket hung up before any answer, or silence. */
export type ScriptedAnswer =
  | { readonly status: number; readonly body?: unknown; readonly headers?: Readonly<Record<string, string>> }
  | { readonly hangUp: true }
  /** Never answered: the request stays open until the server stops. */
  | { readonly hold: true };

export interface ReceivedCall {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** A real local HTTP server answering from a script, in order, recording every request (the last answer repeats). */
export class ScriptedApi {
  readonly calls: ReceivedCall[] = [];
  private server: Server | null = null;
  private script: ScriptedAnswer[] = [];

  answer(...answers: ScriptedAnswer[]): this {
    this.script = answers;
    this.calls.length = 0;
    return this;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/api/v1`;
  }

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        this.calls.push({ method: request.method!, path: request.url!, headers: request.headers, body: Buffer.concat(chunks).toString() });
        const next = this.script.length > 1 ? this.script.shift()! : this.script[0];
        if ('hold' in next) return;
        if ('hangUp' in next) {
          request.socket.destroy();
          return;
        }
        const body = next.body === undefined ? '' : typeof next.body === 'string' ? next.body : JSON.stringify(next.body);
        response.writeHead(next.status, { 'content-type': 'application/json', ...next.headers }).end(body);
      });
    });
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

export const problem = (status: number, id: string, headers?: Record<string, string>): ScriptedAnswer => ({
  status,
  headers: { 'content-type': 'application/problem+json', ...headers },
  body: {
    type: `https://documentation.hook0.com/reference/error-codes#${id.toLowerCase()}`,
    status,
    title: id,
    detail: id,
    id,
    validation: null,
  },
});

export const ingested = (eventId = '0190a8f2-1111-7000-8000-000000000001'): ScriptedAnswer => ({
  status: 201,
  body: { application_id: '0190a8f2-2222-7000-8000-000000000002', event_id: eventId, received_at: '2026-12-06T10:00:00.000000Z' },
});
