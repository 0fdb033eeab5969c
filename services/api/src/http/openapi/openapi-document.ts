import type { OpenAPIV3 } from 'openapi-types';
import type { RouteDefinition } from '../route';
import { dtoSchemas, reachableSchemas, SCHEMA_REF } from './dto-schemas';

const PROBLEM: OpenAPIV3.SchemaObject = {
  type: 'object',
  description: 'RFC 7807 problem, as Hook0 sends it (GET /errors lists every id).',
  required: ['type', 'status', 'title', 'detail', 'id', 'validation'],
  properties: {
    type: { type: 'string', format: 'uri' },
    status: { type: 'integer' },
    title: { type: 'string' },
    detail: { type: 'string' },
    id: { type: 'string' },
    validation: { type: 'object', nullable: true, description: 'the field tree of a 422 Validation, null otherwise' },
  },
};

const DESCRIPTIONS: Record<number, string> = { 200: 'OK', 201: 'Created', 204: 'No content' };

/** `/events/:event_id/replay` → `/events/{event_id}/replay`. */
export function openApiPath(expressPath: string): string {
  return expressPath.replace(/:([A-Za-z_]+)/g, '{$1}');
}

function parameters(route: RouteDefinition, schemas: Record<string, OpenAPIV3.SchemaObject>): OpenAPIV3.ParameterObject[] {
  const from = (dto: RouteDefinition['query'], where: 'path' | 'query'): OpenAPIV3.ParameterObject[] => {
    if (!dto) return [];
    const schema = schemas[dto.name];
    return Object.entries(schema.properties ?? {}).map(([name, property]) => ({
      name,
      in: where,
      required: where === 'path' || (schema.required ?? []).includes(name),
      schema: property,
    }));
  };
  return [...from(route.params, 'path'), ...from(route.query, 'query')];
}

function operation(route: RouteDefinition, schemas: Record<string, OpenAPIV3.SchemaObject>): OpenAPIV3.OperationObject {
  const success: OpenAPIV3.ResponseObject =
    route.status === 204 ? { description: DESCRIPTIONS[204] } : { description: DESCRIPTIONS[route.status], content: { 'application/json': { schema: {} } } };
  return {
    operationId: route.operationId,
    summary: route.summary,
    tags: [route.tag],
    security: route.auth === 'none' ? [] : [{ bearer: [] }],
    parameters: parameters(route, schemas),
    ...(route.body && {
      requestBody: { required: true, content: { 'application/json': { schema: { $ref: `${SCHEMA_REF}${route.body.name}` } } } },
    }),
    responses: {
      [route.status]: success,
      default: { description: 'A problem', content: { 'application/problem+json': { schema: { $ref: `${SCHEMA_REF}Problem` } } } },
    },
  };
}

export interface DocumentInfo {
  readonly title: string;
  readonly version: string;
  /** Where the API lives, e.g. `${APP_URL}/api/v1`. */
  readonly serverUrl: string;
}

/** The OpenAPI 3 document of the route table: the same rows and DTO classes that serve the requests. */
export function buildOpenApiDocument(routes: readonly RouteDefinition[], info: DocumentInfo): OpenAPIV3.Document {
  const all = dtoSchemas();
  const paths: OpenAPIV3.PathsObject = {};
  for (const route of routes) {
    const path = openApiPath(route.path);
    paths[path] = { ...paths[path], [route.method]: operation(route, all) };
  }
  const bodies = routes.flatMap((route) => (route.body ? [route.body] : []));
  return {
    openapi: '3.0.3',
    info: { title: info.title, version: info.version, description: "Webhooks as a service, speaking Hook0's API v1." },
    servers: [{ url: info.serverUrl }],
    tags: [...new Set(routes.map((route) => route.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas: { ...reachableSchemas(bodies, all), Problem: PROBLEM },
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'The master API key, an application secret, a service token or a user access token ("Bearer " is optional).',
        },
      },
    },
  };
}
