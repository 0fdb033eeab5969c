import { spawn } from 'node:child_process';
import { Pool } from 'pg';
import { createTestDatabase, ServiceProcess, type TestDatabase } from '@hook0/testing';
import { buildDispatcher, DISPATCHER_MAIN } from '../test/build-dispatcher';
import { DispatcherHarness } from '../test/dispatcher-harness';

/** Runs the dispatcher to its exit; `stderr` holds everything it wrote (configuration errors and JSON logs). */
function run(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [DISPATCHER_MAIN], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => resolve({ code, stderr: output }));
  });
}

describe('the dispatcher process', () => {
  let db: TestDatabase;
  let pool: Pool;
  let harness: DispatcherHarness;

  beforeAll(async () => {
    await buildDispatcher();
    db = await createTestDatabase();
    pool = new Pool({ connectionString: db.url, max: 2 });
    harness = await DispatcherHarness.create(db, pool);
  }, 180_000);
  afterAll(async () => {
    await harness.dispose();
    await pool.end();
    await db.drop();
  });

  it('exits 1 naming every invalid variable', async () => {
    const { code, stderr } = await run({ TIMEOUT: 'soon', MAX_RETRIES: '-1' });

    expect(code).toBe(1);
    expect(stderr).toContain('TIMEOUT must be a duration');
    expect(stderr).toContain('MAX_RETRIES must be an integer');
  });

  it('exits 1 with a clear message when PostgreSQL cannot be reached within STARTUP_TIMEOUT', async () => {
    const { code, stderr } = await run({ ...harness.env(), DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none', STARTUP_TIMEOUT: '1s' });

    expect(code).toBe(1);
    expect(stderr).toMatch(/PostgreSQL not reachable within 1000 ms/);
  });

  it('becomes ready, then stops gracefully with exit code 0 on SIGTERM', async () => {
    const service = await ServiceProcess.start('dispatcher', harness.env());

    expect(await service.isReady()).toBe(true);
    expect(await service.terminate()).toBe(0);
  }, 60_000);
});
