import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const exec = promisify(execFile);
/** A rabbitmqctl call normally takes a second or two; one that hangs (the CLI node stuck on its distribution port) is retried. */
const CALL_TIMEOUT_MS = 45_000;
const ATTEMPTS = 3;

async function rabbitmqctl(args: string[], acceptError: (stderr: string) => boolean = () => false): Promise<string> {
  let lastError: unknown;
  for (let attempt = 1; attempt <= ATTEMPTS; attempt += 1) {
    try {
      return (await exec('rabbitmqctl', ['-q', ...args], { timeout: CALL_TIMEOUT_MS, killSignal: 'SIGKILL' })).stdout;
    } catch (error) {
      if (acceptError(String((error as { stderr?: unknown }).stderr ?? ''))) return '';
      lastError = error;
    }
  }
  throw lastError;
}

/** Test isolation on the local broker: one vhost per test run, made and removed with rabbitmqctl. */
export async function addVhost(vhost: string): Promise<void> {
  await rabbitmqctl(['add_vhost', vhost], (stderr) => stderr.includes('already exists'));
  await rabbitmqctl(['set_permissions', '-p', vhost, 'guest', '.*', '.*', '.*']);
}

export async function deleteVhost(vhost: string): Promise<void> {
  await rabbitmqctl(['delete_vhost', vhost]).catch(() => undefined);
}

export async function listVhosts(): Promise<string[]> {
  const stdout = await rabbitmqctl(['list_vhosts', 'name']);
  return stdout.split('\n').map((line) => line.trim()).filter((line) => line && line !== 'name');
}
