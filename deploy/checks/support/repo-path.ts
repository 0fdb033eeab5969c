import { resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '..', '..', '..');

/** Absolute path of a file given relative to the repository root. */
export function repoPath(relative: string): string {
  return resolve(REPO_ROOT, relative);
}
