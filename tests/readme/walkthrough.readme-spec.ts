import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { addVhost, AMQP_BASE_URL, deleteVhost, POSTGRES_ADMIN_URL, waitFor } from '@hook0/testing';

/**
 * The README's walk-through, run as written: `npm start` (its script), the receiver on port 4000, then the shell
 * block a newcomer pastes into a third terminal. It must exit 0, print nothing on stderr, and end with the
 * receiver's response. Ports are the README's own, so this runs alone (npm run test:readme).
 */
const ROOT = path.resolve(__dirname, '..', '..');
const id = randomBytes(4).toString('hex');
const database = `hook0_test_readme_${id}`;
const vhost = `hook0-test-readme-${id}`;
const started: ChildProcess[] = [];

function readmeShellBlocks(): string[] {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Send an event and watch it arrive'), readme.indexOf('## Documentation'));
  return [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1]);
}

function start(command: string, args: string[], env: Record<string, string>): { process: ChildProcess; output: string[] } {
  const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  started.push(child);
  return { process: child, output };
}

function run(script: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const shell = spawn('bash', ['-e', '-o', 'pipefail', '-c', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    shell.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    shell.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    shell.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

async function apiAnswers(): Promise<true | undefined> {
  try {
    return (await fetch('http://127.0.0.1:8081/api/v1/instance')).ok ? true : undefined;
  } catch {
    return undefined;
  }
}

describe("the README's walk-through", () => {
  let receiver: { output: string[] };

  beforeAll(async () => {
    await addVhost(vhost);
    const env = {
      DATABASE_URL: `${POSTGRES_ADMIN_URL.replace(/\/[^/]*$/, '')}/${database}`,
      AMQP_URL: `${AMQP_BASE_URL}/${vhost}`,
      LOG_LEVEL: 'warn',
    };
    start(process.execPath, ['scripts/start-all.js'], env);
    receiver = start(process.execPath, ['scripts/receiver.js', '4000'], {});
    await waitFor(apiAnswers, 'npm start to serve the API on :8081', 120_000, 200);
  }, 150_000);

  afterAll(async () => {
    for (const child of started) if (child.pid && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
    await Promise.all(
      started.filter((child) => child.exitCode === null).map((child) => new Promise((resolve) => child.once('exit', resolve))),
    );
    await deleteVhost(vhost);
    const admin = new Client({ connectionString: POSTGRES_ADMIN_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).finally(() => admin.end());
  }, 60_000);

  it('has the two terminals and the walk-through as shell blocks', () => {
    const blocks = readmeShellBlocks();
    expect(blocks).toHaveLength(2);
    expect(blocks[0]).toContain('npm start');
    expect(blocks[0]).toContain('node scripts/receiver.js 4000');
  });

  it('runs as written: no error, the attempt succeeded, the receiver got the signed request', async () => {
    const result = await run(readmeShellBlocks()[1]);
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
    expect(result.stdout).toContain('"type": "successful"');
    expect(result.stdout).toContain('"http_code": 204');
    expect(result.stdout).not.toMatch(/"(id|type)": "[^"]*(NotFound|Validation|JsonPayload|Forbidden|Auth\w+)"/);
    const received = receiver.output.join('');
    expect(received).toContain('POST /hooks');
    expect(received).toMatch(/x-hook0-signature: t=\d+,h=[^,]+,v1=[0-9a-f]{64}/);
    expect(received).toContain('{"invoice_id":"in_42","amount":1200}');
  }, 60_000);

  it('serves the web dashboard at the address the README gives, with its script', async () => {
    expect(readFileSync(path.join(ROOT, 'README.md'), 'utf8')).toContain('The web dashboard is at <http://127.0.0.1:8081/>');
    const page = await fetch('http://127.0.0.1:8081/organizations');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toContain('<div id="root"></div>');
    const script = /<script type="module" crossorigin src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    const bundle = await fetch(`http://127.0.0.1:8081${script ?? '/assets/missing.js'}`);
    expect({ status: bundle.status, type: bundle.headers.get('content-type') }).toEqual({
      status: 200,
      type: expect.stringMatching(/javascript/),
    });
  });
});
