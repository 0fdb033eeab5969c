import SwaggerParser from '@apidevtools/swagger-parser';
import type { OpenAPIV3 } from 'openapi-types';
import { label, routeTable } from '../../../test/route-table';
import { buildOpenApiDocument, openApiPath } from './openapi-document';

const ROUTES = routeTable();
const DOCUMENT = buildOpenApiDocument(ROUTES, { title: 'hook0-ts', version: 'v1', serverUrl: 'http://127.0.0.1/api/v1' });

function operationOf(method: string, path: string): OpenAPIV3.OperationObject | undefined {
  return (DOCUMENT.paths[path] as Record<string, OpenAPIV3.OperationObject> | undefined)?.[method];
}

describe('the OpenAPI document, generated from the route table', () => {
  it('validates as OpenAPI 3', async () => {
    await expect(SwaggerParser.validate(structuredClone(DOCUMENT) as never)).resolves.toBeDefined();
  });

  it('has every route of the table, itself included, and nothing else', () => {
    const documented = Object.entries(DOCUMENT.paths).flatMap(([path, item]) =>
      Object.keys(item ?? {}).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(documented.sort()).toEqual(ROUTES.map((route) => `${route.method.toUpperCase()} ${openApiPath(route.path)}`).sort());
    expect(operationOf('get', '/swagger.json')).toBeDefined();
  });

  it.each(ROUTES.map((route) => [label(route), route] as const))('%s: operationId, summary, tag, security, status', (_label, route) => {
    const operation = operationOf(route.method, openApiPath(route.path))!;
    expect(operation).toMatchObject({ operationId: route.operationId, summary: route.summary, tags: [route.tag] });
    expect(operation.security).toEqual(route.auth === 'none' ? [] : [{ bearer: [] }]);
    expect(Object.keys(operation.responses)).toEqual([String(route.status), 'default']);
  });

  it.each(ROUTES.map((route) => [label(route), route] as const))(
    '%s: a parameter for each path segment and query field, the body by reference',
    (_label, route) => {
      const operation = operationOf(route.method, openApiPath(route.path))!;
      const parameters = (operation.parameters ?? []) as OpenAPIV3.ParameterObject[];
      const pathNames = [...route.path.matchAll(/:([a-z_]+)/g)].map((match) => match[1]);
      expect(parameters.filter((parameter) => parameter.in === 'path').map((parameter) => parameter.name)).toEqual(pathNames);
      for (const parameter of parameters.filter((p) => p.in === 'path')) expect(parameter.required).toBe(true);
      expect(parameters.some((parameter) => parameter.in === 'query')).toBe(route.query !== undefined);
      const body = operation.requestBody as OpenAPIV3.RequestBodyObject | undefined;
      if (route.body) expect(body?.content['application/json'].schema).toEqual({ $ref: `#/components/schemas/${route.body.name}` });
      else expect(body).toBeUndefined();
    },
  );

  it('has unique operation ids', () => {
    const ids = ROUTES.map((route) => route.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives distinct DTO classes distinct names, so no schema stands for two of them', () => {
    const byName = new Map<string, unknown>();
    for (const dto of ROUTES.flatMap((route) => [route.body, route.query, route.params]).filter(Boolean)) {
      const seen = byName.get(dto!.name);
      if (seen && seen !== dto) {
        // Two classes may share a name only when they validate the same fields the same way.
        expect(JSON.stringify(Object.getOwnPropertyNames(new (seen as new () => object)()))).toBe(
          JSON.stringify(Object.getOwnPropertyNames(new dto!())),
        );
      }
      byName.set(dto!.name, dto);
    }
  });

  it('describes the subscription body from its decorators, nested target included', () => {
    const schemas = DOCUMENT.components!.schemas as Record<string, OpenAPIV3.SchemaObject>;
    const subscription = schemas.SubscriptionPostDto;
    expect(subscription.required).toEqual(expect.arrayContaining(['application_id', 'is_enabled', 'event_types', 'target']));
    expect(subscription.properties!.target).toEqual({ $ref: '#/components/schemas/HttpTargetDto' });
    expect(subscription.properties!.labels).toMatchObject({
      type: 'object',
      additionalProperties: { type: 'string' },
      minProperties: 1,
      maxProperties: 10,
      nullable: true,
    });
    expect(schemas.HttpTargetDto.properties!.method).toMatchObject({
      type: 'string',
      enum: ['GET', 'PATCH', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'HEAD'],
    });
    expect((schemas.HttpTargetDto.properties!.headers as OpenAPIV3.SchemaObject).description).toMatch(
      /never host, content-length, transfer-encoding, .*proxy-\*, webhook-\*/,
    );
    expect(subscription.properties!.max_retries).toMatchObject({ type: 'integer', minimum: 0, maximum: 30 });
    expect(subscription.properties!.retry_schedule).toMatchObject({
      items: { type: 'string', description: expect.stringContaining('from 1s to 10d') },
    });
    expect(schemas.EventPostDto.properties!.occurred_at).toMatchObject({ type: 'string', format: 'date-time' });
    expect(schemas.EventPostDto.properties!.payload).toMatchObject({ type: 'string', maxLength: 699_050 });
    expect(JSON.stringify(DOCUMENT)).not.toContain('#/components/schemas/Object');
  });

  it('describes query filters with their requiredness, e.g. GET /request_attempts', () => {
    const parameters = operationOf('get', '/request_attempts')!.parameters as OpenAPIV3.ParameterObject[];
    const byName = Object.fromEntries(parameters.map((parameter) => [parameter.name, parameter]));
    expect(Object.keys(byName).sort()).toEqual(
      [
        'application_id',
        'event.event_type_names',
        'event_id',
        'max_created_at',
        'min_created_at',
        'pagination_cursor',
        'status',
        'subscription_id',
      ].sort(),
    );
    expect(byName.application_id).toMatchObject({ in: 'query', required: true, schema: { type: 'string', format: 'uuid' } });
    expect(byName.min_created_at).toMatchObject({ required: false, schema: { type: 'string', format: 'date-time' } });
  });
});
