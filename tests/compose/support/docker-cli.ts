import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';

const exec = promisify(execFile);

/** Debian's client (20.10, with the BuildKit builder) when present; a newer client may lack buildx. */
export const DOCKER = process.env.DOCKER ?? (existsSync('/usr/bin/docker') ? '/usr/bin/docker' : 'docker');

export interface RunOptions {
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly timeoutMs?: number;
}

/** Runs a command and returns its stdout; a failure carries the command's stderr. */
export async function run(command: string, args: readonly string[], options: RunOptions = {}): Promise<string> {
  try {
    const { stdout } = await exec(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      timeout: options.timeoutMs ?? 600_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    return stdout;
  } catch (error) {
    const failed = error as Error & { stderr?: string; stdout?: string };
    throw new Error(`${command} ${args.join(' ')} failed: ${failed.message}\n${failed.stdout ?? ''}${failed.stderr ?? ''}`);
  }
}

export function docker(args: readonly string[], options: RunOptions = {}): Promise<string> {
  return run(DOCKER, args, options);
}

/** `docker compose` (v2) when the client has it, else `docker-compose` (v1.28+: profiles; 1.29: completion conditions). */
export async function composeCommand(): Promise<string[]> {
  try {
    await docker(['compose', 'version']);
    return [DOCKER, 'compose'];
  } catch {
    return ['docker-compose'];
  }
}
