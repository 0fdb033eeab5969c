import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Stops RabbitMQ's application (the node stays up, as in a broker restart) and always starts it again. */
export async function withRabbitMqStopped<T>(during: () => Promise<T>): Promise<T> {
  await run('rabbitmqctl', ['-q', 'stop_app']);
  try {
    return await during();
  } finally {
    await run('rabbitmqctl', ['-q', 'start_app']);
    await run('rabbitmqctl', ['-q', 'await_startup']);
  }
}

function cluster(): [string, string] {
  const [version] = readdirSync('/etc/postgresql');
  return [version, 'main'];
}

/** Stops the local PostgreSQL cluster (fast shutdown: every connection is cut) and always starts it again. */
export async function withPostgresStopped<T>(during: () => Promise<T>): Promise<T> {
  await run('pg_ctlcluster', ['--skip-systemctl-redirect', ...cluster(), 'stop', '-m', 'fast']);
  try {
    return await during();
  } finally {
    await run('pg_ctlcluster', ['--skip-systemctl-redirect', ...cluster(), 'start']);
  }
}

export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
