import { readFileSync } from 'node:fs';
import path from 'node:path';

const PACKAGE = path.join(__dirname, '..');
const README = readFileSync(path.join(PACKAGE, 'README.md'), 'utf8');

/** The README's examples are the files in examples/, which typecheck:tests compiles. */
describe('the README examples', () => {
  const blocks = [...README.matchAll(/<!-- example: (\S+) -->\n```ts\n([\s\S]*?)```/g)];

  it('are all files of examples/', () => {
    expect(blocks.map(([, file]) => file).sort()).toEqual([
      'examples/express-receiver.ts',
      'examples/node-receiver.ts',
      'examples/send-event.ts',
    ]);
  });

  it.each(blocks.map(([, file, code]) => [file, code] as const))('%s is the file as it is', (file, code) => {
    expect(code).toBe(readFileSync(path.join(PACKAGE, file), 'utf8'));
  });
});
