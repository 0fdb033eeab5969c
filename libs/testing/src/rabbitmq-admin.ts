import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Test isolation on the local broker: one vhost per test run, made and removed with rabbitmqctl. */
export async function addVhost(vhost: string): Promise<void> {
  await run('rabbitmqctl', ['-q', 'add_vhost', vhost]);
  await run('rabbitmqctl', ['-q', 'set_permissions', '-p', vhost, 'guest', '.*', '.*', '.*']);
}

export async function deleteVhost(vhost: string): Promise<void> {
  await run('rabbitmqctl', ['-q', 'delete_vhost', vhost]).catch(() => undefined);
}

export async function listVhosts(): Promise<string[]> {
  const { stdout } = await run('rabbitmqctl', ['-q', 'list_vhosts', 'name']);
  return stdout.split('\n').map((line) => line.trim()).filter((line) => line && line !== 'name');
}
