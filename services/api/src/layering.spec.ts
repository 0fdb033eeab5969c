import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const MODULES = join(__dirname, 'modules');

function serviceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return serviceFiles(path);
    return entry.name.endsWith('.service.ts') ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/^import\s[^;]*?from\s+'([^']+)'/gms)].map((match) => match[1]);
}

/** Routes → services → repositories: a service sees neither HTTP nor the database's error codes (repositories return outcomes: libs/db/README.md). */
describe('services', () => {
  const files = serviceFiles(MODULES);

  it('are found', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files.map((file) => [relative(__dirname, file), file]))('%s imports nothing from http/ nor express', (_name, file) => {
    expect(importsOf(file).filter((source) => /(^|\/)http\/|^express$/.test(source))).toEqual([]);
  });

  it.each(files.map((file) => [relative(__dirname, file), file]))(
    '%s checks no access itself: it receives the grant its route rule decided (docs/api.md "Who may do what")',
    (_name, file) => {
      expect(importsOf(file).filter((source) => /access-policy$/.test(source))).toEqual([]);
    },
  );

  it.each(files.map((file) => [relative(__dirname, file), file]))('%s matches no SQLSTATE or constraint name', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    expect(text).not.toMatch(/\bpgErrorCode\b|\bpgConstraint\b|\bPG\.|QueryFailedError|'\w+_(pkey|key|fkey)'|'23\d{3}'/);
  });
});
