import http from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import { LRUCache } from 'lru-cache';
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
  /** Closes the idle sockets now and every other one once its request is done; nothing is reused any more. */
  retire(): void;
}

export interface TargetAgentPoolOptions extends TargetAgentOptions {
  /** Most pools kept at once; the least recently used one is retired to make room. */
  readonly maxPools: number;
  /** A pool that has sent nothing for this long is retired (checked every `idleMs`). */
  readonly idleMs: number;
}

/**
 * Keep-alive agents per pool key (the application, docs/security.md), so that a socket opened for one tenant's
 * delivery is never written to by another's: what one receiver does with a connection (or a request smuggled into
 * it) stays with the tenant that opened it. Bounded in number and idle time, so memory stays flat with many tenants.
 */
export class TargetAgentPool {
  private readonly pools: LRUCache<string, TargetAgents>;
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly options: TargetAgentPoolOptions) {
    this.pools = new LRUCache<string, TargetAgents>({
      max: options.maxPools,
      ttl: options.idleMs,
      updateAgeOnGet: true,
      dispose: (agents) => agents.retire(),
    });
    this.sweeper = setInterval(() => this.pools.purgeStale(), options.idleMs);
    this.sweeper.unref();
  }

  /** The agents of `key`, made on first use. */
  agentsFor(key: string): TargetAgents {
    let agents = this.pools.get(key);
    if (agents === undefined) {
      agents = createTargetAgents(this.options);
      this.pools.set(key, agents);
    }
    return agents;
  }

  /** Destroys every socket, in flight or idle (shutdown). */
  destroy(): void {
    clearInterval(this.sweeper);
    const all = [...this.pools.values()];
    this.pools.clear();
    for (const agents of all) agents.destroy();
  }
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
    retire: () => {
      retire(httpAgent);
      retire(httpsAgent);
    },
  };
}

function retire(agent: http.Agent): void {
  // A documented override: a socket whose request ends is destroyed instead of kept for the next one.
  agent.keepSocketAlive = () => false;
  for (const sockets of Object.values(agent.freeSockets)) for (const socket of sockets ?? []) socket.destroy();
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
