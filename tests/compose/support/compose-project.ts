import { docker, run } from './docker-cli';

export interface ContainerState {
  readonly id: string;
  readonly status: string;
  readonly exitCode: number;
  readonly health: string | undefined;
  readonly startedAt: string;
}

/** One compose project (its own name, so its containers, network and volumes are its own), driven by the CLI. */
export class ComposeProject {
  constructor(
    private readonly command: string[],
    readonly name: string,
    private readonly files: readonly string[],
    private readonly envFile: string,
    private readonly cwd: string,
  ) {}

  compose(args: readonly string[], timeoutMs = 600_000): Promise<string> {
    const [program, ...leading] = this.command;
    const files = this.files.flatMap((file) => ['-f', file]);
    return run(program, [...leading, '--env-file', this.envFile, '-p', this.name, ...files, ...args], { cwd: this.cwd, timeoutMs });
  }

  /** The project's containers of one service, found by the labels both compose versions set. */
  async containers(service: string): Promise<ContainerState[]> {
    const ids = (
      await docker([
        'ps',
        '-a',
        '-q',
        '--filter',
        `label=com.docker.compose.project=${this.name}`,
        '--filter',
        `label=com.docker.compose.service=${service}`,
      ])
    )
      .split('\n')
      .filter(Boolean);
    if (ids.length === 0) return [];
    const states = JSON.parse(
      await docker(['inspect', '--format', '{{json .}}', ...ids]).then((out) => `[${out.trim().split('\n').join(',')}]`),
    ) as {
      Id: string;
      State: { Status: string; ExitCode: number; StartedAt: string; Health?: { Status: string } };
    }[];
    return states.map((state) => ({
      id: state.Id,
      status: state.State.Status,
      exitCode: state.State.ExitCode,
      health: state.State.Health?.Status,
      startedAt: state.State.StartedAt,
    }));
  }

  /** Waits until `count` containers of the service are healthy; fails at once if one of them stopped. */
  async waitHealthy(service: string, count: number, timeoutMs = 240_000): Promise<ContainerState[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const states = await this.containers(service);
      const stopped = states.find((state) => state.status === 'exited' || state.status === 'dead');
      if (stopped) throw new Error(`${service} container stopped (exit ${stopped.exitCode}):\n${await this.logs(service)}`);
      if (states.filter((state) => state.health === 'healthy').length >= count) return states;
      if (Date.now() > deadline)
        throw new Error(`no ${count} healthy ${service} container(s) after ${timeoutMs} ms:\n${await this.logs(service)}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }

  logs(service: string): Promise<string> {
    return this.compose(['logs', '--no-color', '--tail', '60', service]).catch((error: Error) => error.message);
  }

  /** The gateway of the project's network: the Docker host as its containers reach it. */
  async hostAddress(): Promise<string> {
    const gateway = await docker(['network', 'inspect', '--format', '{{range .IPAM.Config}}{{.Gateway}}{{end}}', `${this.name}_default`]);
    return gateway.trim();
  }
}
