/**
 * Writes docs/configuration.md and .env.example from the variable registry (libs/config/src/registry); a unit test
 * fails while either differs from what this writes. Run: npm run docs:config
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderConfigurationDoc, renderEnvExample } from '@hook0/config';

const root = path.resolve(__dirname, '..');
writeFileSync(path.join(root, 'docs', 'configuration.md'), renderConfigurationDoc());
writeFileSync(path.join(root, '.env.example'), renderEnvExample());
process.stdout.write('wrote docs/configuration.md and .env.example\n');
