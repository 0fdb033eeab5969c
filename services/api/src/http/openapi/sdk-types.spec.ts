import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { routeTable } from '../../../test/route-table';
import { buildOpenApiDocument } from './openapi-document';

const ROOT = path.resolve(__dirname, '../../../../..');
const GENERATED = path.join(ROOT, 'libs/sdk/src/generated/hook0-api.ts');
/** The info scripts/generate-sdk-types.mjs builds the document with. */
const DOCUMENT_INFO = { title: 'hook0-ts', version: 'v1', serverUrl: '/api/v1' };

/**
 * The SDK's checked-in client types (docs/sdk.md) follow the route table. openapi-typescript is ESM-only in its
 * dependencies, which Jest on Node 20 cannot require, so the script renders them in a child process.
 */
describe("the SDK's generated client types", () => {
  it('are what the current OpenAPI document gives (run `npm run sdk:generate` when this fails)', () => {
    const document = buildOpenApiDocument(routeTable(), DOCUMENT_INFO);
    const rendered = execFileSync(process.execPath, [path.join(ROOT, 'scripts/generate-sdk-types.mjs'), '--stdout', '-'], {
      input: JSON.stringify(document),
      encoding: 'utf8',
    });
    expect(rendered).toBe(readFileSync(GENERATED, 'utf8'));
  });
});
