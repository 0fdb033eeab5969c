import { spawn } from 'node:child_process';

/** A rabbitmqctl call normally takes a second or two; one that hangs (its CLI node stuck) is killed. */
const CALL_TIMEOUT_MS = 45_000;

interface CallOptions {
  /** Only for calls that are safe to repeat while an earlier one may still be running in the broker. */
  readonly attempts?: number;
  readonly acceptError?: (stderr: string) => boolean;
}

interface CallResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * One rabbitmqctl call. On timeout, every process whose command line names the call's vhost is killed: the Erlang CLI
 * node runs under `su` in a session of its own and would otherwise keep one of the CLI's few distribution ports.
 */
function call(args: string[], vhost: string): Promise<CallResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('rabbitmqctl', ['-q', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      spawn('pkill', ['-KILL', '-f', `rabbitmqctl.*${vhost}`], { stdio: 'ignore' }).on('error', () => undefined);
    }, CALL_TIMEOUT_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

async function rabbitmqctl(args: string[], vhost: string, { attempts = 1, acceptError = () => false }: CallOptions = {}): Promise<string> {
  let last: CallResult | null = null;
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    last = await call(args, vhost);
    if (last.code === 0 || acceptError(last.stderr)) return last.stdout;
  }
  throw new Error(`rabbitmqctl ${args.join(' ')} failed (exit ${String(last?.code)}): ${last?.stderr.trim()}`);
}

/** Test isolation on the local broker: one vhost per test run, made and removed with rabbitmqctl. */
export async function addVhost(vhost: string): Promise<void> {
  // A call that timed out may still have added it: the retry then finds it there.
  await rabbitmqctl(['add_vhost', vhost], vhost, { attempts: 3, acceptError: (stderr) => stderr.includes('already exists') });
  await rabbitmqctl(['set_permissions', '-p', vhost, 'guest', '.*', '.*', '.*'], vhost, { attempts: 3 });
}

/** Never repeated: a second delete of a vhost the broker is still deleting can wedge its vhost supervisor. */
export async function deleteVhost(vhost: string): Promise<void> {
  await rabbitmqctl(['delete_vhost', vhost], vhost).catch(() => undefined);
}

export async function listVhosts(): Promise<string[]> {
  const stdout = await rabbitmqctl(['list_vhosts', 'name'], 'list_vhosts', { attempts: 3 });
  return stdout
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && line !== 'name');
}
