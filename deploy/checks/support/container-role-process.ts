import { spawn, type ChildProcess } from 'node:child_process';
import { waitFor } from '@hook0/testing';

/** One container role (api, dispatcher, migrate) run as a plain process from the laid-out image tree. */
export class RoleProcess {
  readonly output: string[] = [];
  readonly exited: Promise<number | null>;

  private constructor(
    readonly role: string,
    private readonly child: ChildProcess,
  ) {
    // 'close', not 'exit': the output is complete by then.
    this.exited = new Promise((resolve) => child.once('close', (code) => resolve(code)));
    child.stdout?.on('data', (chunk: Buffer) => this.output.push(chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => this.output.push(chunk.toString()));
    child.once('error', (error) => this.output.push(String(error)));
  }

  /** `command` exactly as the container runs it, from `cwd` (the image's WORKDIR) with only `env` set. */
  static start(role: string, command: readonly string[], cwd: string, env: Record<string, string>): RoleProcess {
    const [program, ...args] = command;
    return new RoleProcess(role, spawn(program, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] }));
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Polls `url` (another process: no event to await) until it answers 200; fails as soon as the process exits. */
  async waitUntilReady(url: string): Promise<void> {
    const answers200 = async () => (await fetch(url).catch(() => undefined))?.status === 200;
    // Stops polling once the process is gone; the race below has already failed by then.
    const ready = waitFor(async () => (!this.running || (await answers200()) ? true : undefined), `${this.role} at ${url}`, 60_000, 100);
    const exited = this.exited.then((code) => Promise.reject(new Error(`${this.role} exited with ${code} before ${url} answered 200`)));
    await Promise.race([ready, exited]).catch((error: Error) => {
      throw new Error(`${error.message}\n${this.output.join('')}`);
    });
  }

  /** SIGTERM, as `docker stop` and Kubernetes send it, and the exit code the process chose. */
  async terminate(): Promise<number | null> {
    if (this.running) this.child.kill('SIGTERM');
    return this.exited;
  }

  async kill(): Promise<void> {
    if (this.running) this.child.kill('SIGKILL');
    await this.exited;
  }
}
