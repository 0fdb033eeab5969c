import { readFileSync } from 'node:fs';
import path from 'node:path';
import { renderConfigurationDoc } from './configuration-doc';
import { renderEnvExample } from './env-example';
import { CONFIG_VARIABLES } from './variable-registry';

const ROOT = path.resolve(__dirname, '../../../..');
const committed = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

// When one of these fails, run `npm run docs:config` and commit the result.
describe('files generated from the variable registry', () => {
  it('docs/configuration.md is what the registry renders', () => {
    expect(committed('docs/configuration.md')).toBe(renderConfigurationDoc());
  });

  it('.env.example is what the registry renders', () => {
    expect(committed('.env.example')).toBe(renderEnvExample());
  });

  it('docs/configuration.md names every variable of the registry, with its default', () => {
    const doc = renderConfigurationDoc();
    for (const variable of CONFIG_VARIABLES) {
      expect(doc).toContain(
        `| \`${variable.name}\` | ${variable.default === null ? (variable.required ? 'required' : 'unset') : `\`${variable.default}\``} |`,
      );
    }
  });

  it('.env.example leaves the required and unset variables empty and gives the others their default', () => {
    const lines = renderEnvExample()
      .split('\n')
      .filter((line) => /^\w+=/.test(line));
    expect(lines).toContain('POSTGRES_PASSWORD=');
    expect(lines).toContain('MASTER_API_KEY=');
    expect(lines).toContain('HOOK0_TAG=local');
    expect(lines).toContain('LOG_LEVEL=info');
  });
});
