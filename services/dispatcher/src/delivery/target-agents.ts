import http from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import { RequestFilteringHttpAgent, RequestFilteringHttpsAgent } from 'request-filtering-agent';

export interface TargetAgentOptions {
  /** Refuse loopback, private, link-local and other non-public addresses, checked on the address actually connected to. */
  readonly checkTargetIp: boolean;
  readonly connectTimeoutMs: number;
}

export interface TargetAgents {
  readonly httpAgent: http.Agent;
  readonly httpsAgent: https.Agent;
  destroy(): void;
}

export class ConnectTimeoutError extends Error {
  readonly code = 'E_CONNECT_TIMEOUT';

  constructor(timeoutMs: number) {
    super(`connect timed out after ${timeoutMs} ms`);
    this.name = 'ConnectTimeoutError';
  }
}

type CreateConnection = (options: unknown, callback?: unknown) => Socket | undefined;

/** Keep-alive agents; with the check on, request-filtering-agent vets each resolved address at connect time. */
export function createTargetAgents(options: TargetAgentOptions): TargetAgents {
  const agentOptions = { keepAlive: true, scheduling: 'lifo' as const };
  const httpAgent = options.checkTargetIp ? new RequestFilteringHttpAgent(agentOptions) : new http.Agent(agentOptions);
  const httpsAgent = options.checkTargetIp ? new RequestFilteringHttpsAgent(agentOptions) : new https.Agent(agentOptions);
  armConnectTimeout(httpAgent, options.connectTimeoutMs, 'connect');
  armConnectTimeout(httpsAgent, options.connectTimeoutMs, 'secureConnect');
  return {
    httpAgent,
    httpsAgent,
    destroy: () => {
      httpAgent.destroy();
      httpsAgent.destroy();
    },
  };
}

/** Destroys a new socket that has not connected (TCP, and TLS for https) within `timeoutMs`. */
function armConnectTimeout(agent: http.Agent, timeoutMs: number, readyEvent: 'connect' | 'secureConnect'): void {
  const target = agent as unknown as { createConnection: CreateConnection };
  const create = target.createConnection.bind(agent);
  target.createConnection = (connectOptions, callback) => {
    const socket = create(connectOptions, callback);
    if (socket?.connecting) {
      const timer = setTimeout(() => socket.destroy(new ConnectTimeoutError(timeoutMs)), timeoutMs);
      const clear = () => clearTimeout(timer);
      socket.once(readyEvent, clear);
      socket.once('close', clear);
    }
    return socket;
  };
}
