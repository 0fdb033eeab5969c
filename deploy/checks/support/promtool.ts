import { spawnSync } from 'node:child_process';
import { repoPath } from './repo-path';

/** Runs promtool from the repository root; throws with promtool's own output when it fails. */
export function runPromtool(...args: string[]): string {
  const run = spawnSync('promtool', args, { cwd: repoPath('.'), encoding: 'utf8' });
  const output = `${run.stdout ?? ''}${run.stderr ?? ''}`;
  if (run.error) throw new Error(`promtool ${args.join(' ')} could not start: ${run.error.message}`);
  if (run.status !== 0) throw new Error(`promtool ${args.join(' ')} exited with ${run.status}:\n${output}`);
  return output;
}
