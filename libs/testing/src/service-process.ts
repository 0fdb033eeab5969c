import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { waitFor } from './wait-for';

const ROOT = path.resolve(__dirname, '..', '..', '..');

export type ServiceName = 'api' | 'dispatcher';

/** A built service running as a real child process in its own process group, killed by PID. */
export class ServiceProcess {
  private exited: Promise<number | null>;
  readonly output: string[] = [];

  private constructor(
    readonly name: ServiceName,
    readonly child: ChildProcess,
    readonly metricsPort: number,
  ) {
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    child.stdout?.on('data', (chunk: Buffer) => this.output.push(chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => this.output.push(chunk.toString()));
  }

  /** Starts `services/<name>/dist/main.js` (run `npm run build` first) and waits for its /readyz. */
  static async start(name: ServiceName, env: Record<string, string>): Promise<ServiceProcess> {
    const metricsPort = await freePort();
    const child = spawn(process.execPath, [path.join(ROOT, 'services', name, 'dist', 'main.js')], {
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env, METRICS_PORT: String(metricsPort) },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const service = new ServiceProcess(name, child, metricsPort);
    await waitFor(
      async () =>
        child.exitCode === null
          ? (await service.isReady())
            ? true
            : undefined
          : Promise.reject(new Error(`${name} exited: ${service.output.join('')}`)),
      `${name} to be ready`,
      60_000,
      100,
    );
    return service;
  }

  async isReady(): Promise<boolean> {
    try {
      const response = await fetch(`http://127.0.0.1:${this.metricsPort}/readyz`);
      return response.status === 200;
    } catch {
      return false;
    }
  }

  /** SIGKILL: no shutdown code runs, as in a crash or an OOM kill. */
  async kill(): Promise<void> {
    this.signalGroup('SIGKILL');
    await this.exited;
  }

  /** SIGTERM and the exit code the service chose. */
  async terminate(): Promise<number | null> {
    this.signalGroup('SIGTERM');
    return this.exited;
  }

  private signalGroup(signal: NodeJS.Signals): void {
    const running = this.child.exitCode === null && this.child.signalCode === null;
    if (running && this.child.pid) process.kill(-this.child.pid, signal);
  }
}

/**
 * A TCP port free at the time of asking, on 127.0.0.1, outside the kernel's ephemeral range: a service
 * restarted on the same port must not find it taken by some client connection's source port.
 */
export async function freeServicePort(): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 10_000);
    if (await isFree(port)) return port;
  }
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A TCP port free at the time of asking, on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
