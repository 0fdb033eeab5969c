import { LRUCache } from 'lru-cache';
import { Agent } from 'undici';
import { guardedConnector, type GuardedConnectorOptions } from './guarded-connector';

export interface ApplicationAgentsOptions extends GuardedConnectorOptions {
  /** Most agents kept at once; the least recently used one is retired to make room. */
  readonly maxPools: number;
  /** An agent that has sent nothing for this long is retired (checked every `idleMs`). */
  readonly idleMs: number;
  /** Headers and body inactivity bounds of the agents; the sender's total timeout stays the outer bound. */
  readonly timeoutMs: number;
}

/**
 * One undici Agent (keep-alive connections, per origin) per pool key, the application (docs/security.md), so that a
 * socket opened for one tenant's delivery is never written to by another's: what one receiver does with a connection
 * (or a request smuggled into it) stays with the tenant that opened it. Bounded in number and idle time, so memory
 * stays flat with many tenants. A retired agent lets its requests in flight finish, then closes their sockets.
 */
export class ApplicationAgents {
  private readonly agents: LRUCache<string, Agent>;
  private readonly sweeper: NodeJS.Timeout;
  private readonly connect: ReturnType<typeof guardedConnector>;
  private destroying = false;

  constructor(private readonly options: ApplicationAgentsOptions) {
    this.connect = guardedConnector(options);
    this.agents = new LRUCache<string, Agent>({
      max: options.maxPools,
      ttl: options.idleMs,
      updateAgeOnGet: true,
      dispose: (agent) => {
        if (!this.destroying) void agent.close().catch(() => undefined);
      },
    });
    this.sweeper = setInterval(() => this.agents.purgeStale(), options.idleMs);
    this.sweeper.unref();
  }

  /** The agent of `key`, made on first use. */
  agentFor(key: string): Agent {
    let agent = this.agents.get(key);
    if (agent === undefined) {
      agent = new Agent({
        connect: this.connect,
        headersTimeout: this.options.timeoutMs,
        bodyTimeout: this.options.timeoutMs,
        pipelining: 1,
      });
      this.agents.set(key, agent);
    }
    return agent;
  }

  /** Destroys every socket, in flight or idle (shutdown). */
  destroy(): void {
    clearInterval(this.sweeper);
    this.destroying = true;
    const all = [...this.agents.values()];
    this.agents.clear();
    for (const agent of all) void agent.destroy().catch(() => undefined);
  }
}
