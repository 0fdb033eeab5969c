import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SDK_VERSION, userAgent } from './client-headers';

describe('client headers', () => {
  it('report the version package.json publishes', () => {
    const manifest = JSON.parse(readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as { version: string };
    expect(SDK_VERSION).toBe(manifest.version);
    expect(userAgent()).toBe(`hook0-client-hook0ts/${manifest.version} (node/${process.versions.node}; ${process.platform})`);
  });
});
