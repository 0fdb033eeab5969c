import SwaggerParser from '@apidevtools/swagger-parser';
import request from 'supertest';
import { startApiHarness, type ApiHarness } from '../../../test/api-harness';
import { routeTable } from '../../../test/route-table';
import { openApiPath } from './openapi-document';

/** The served document and Swagger UI (docs/hook0-compatibility.md "Conventions"). */
describe('GET /api/v1/swagger.json and /api/docs', () => {
  let harness: ApiHarness;

  beforeAll(async () => {
    harness = await startApiHarness({ APP_URL: 'https://hooks.example.test' });
  });
  afterAll(() => harness.close());

  it('serves a valid OpenAPI 3 document of every mounted route, without a token', async () => {
    const response = await harness.http().get('/swagger.json').expect(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    await SwaggerParser.validate(structuredClone(response.body));
    expect(response.body.servers).toEqual([{ url: 'https://hooks.example.test/api/v1' }]);
    for (const route of routeTable()) {
      expect(
        `${route.method} ${openApiPath(route.path)} ${response.body.paths[openApiPath(route.path)]?.[route.method]?.operationId}`,
      ).toBe(`${route.method} ${openApiPath(route.path)} ${route.operationId}`);
    }
  });

  it('serves Swagger UI at /api/docs/, with its assets from the package', async () => {
    const agent = request(harness.api.url);
    const redirect = await agent.get('/api/docs');
    expect(redirect.status).toBe(301);
    expect(redirect.headers.location).toBe('/api/docs/');
    const page = await agent.get('/api/docs/').expect(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.text).not.toMatch(/https?:\/\/(?:cdn|unpkg)/);
    const init = await agent.get('/api/docs/swagger-ui-init.js').expect(200);
    expect(init.text).toContain('/api/v1/swagger.json');
    for (const asset of ['swagger-ui.css', 'swagger-ui-bundle.js', 'swagger-ui-standalone-preset.js']) {
      expect(page.text).toContain(`./${asset}`);
      await agent.get(`/api/docs/${asset}`).expect(200);
    }
  });
});
