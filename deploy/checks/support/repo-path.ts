import { resolve } from 'node:path';

/** Absolute path of a file given relative to the repository root. */
export function repoPath(relative: string): string {
  return resolve(__dirname, '..', '..', '..', relative);
}
