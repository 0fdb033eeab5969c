import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const DISPATCHER_MAIN = path.join(ROOT, 'services', 'dispatcher', 'dist', 'main.js');

/** Child-process tests run the built service; `--force` when the build info outlived a deleted dist. */
export async function buildDispatcher(): Promise<void> {
  const tsc = (...args: string[]) =>
    promisify(execFile)(
      process.execPath,
      [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-b', ...args, 'services/dispatcher'],
      { cwd: ROOT },
    );
  await tsc();
  if (!existsSync(DISPATCHER_MAIN)) await tsc('--force');
}
