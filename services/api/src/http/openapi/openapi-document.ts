import type { TSchema } from '@sinclair/typebox';
import type { OpenAPIV3 } from 'openapi-types';
import type { RouteRow } from '../route';
import { ProblemView } from '../views';
import { dtoSchemas, reachableSchemas, SCHEMA_REF } from './dto-schemas';

const DESCRIPTIONS: Record<number, string> = { 200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No content' };

/** `/events/:event_id/replay` → `/events/{event_id}/replay`. */
export function openApiPath(expressPath: string): string {
  return expressPath.replace(/:([A-Za-z_]+)/g, '{$1}');
}

function parameters(route: RouteRow, schemas: Record<string, OpenAPIV3.SchemaObject>): OpenAPIV3.ParameterObject[] {
  const from = (dto: RouteRow['query'], where: 'path' | 'query'): OpenAPIV3.ParameterObject[] => {
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

/** A view as plain JSON (TypeBox marks its schemas with symbols), titled ones collected as named components. */
function viewSchema(view: TSchema, named: Record<string, OpenAPIV3.SchemaObject>): OpenAPIV3.SchemaObject | OpenAPIV3.ReferenceObject {
  const plain = JSON.parse(JSON.stringify(view)) as OpenAPIV3.SchemaObject;
  const reference = (schema: OpenAPIV3.SchemaObject): OpenAPIV3.SchemaObject | OpenAPIV3.ReferenceObject => {
    if (!schema.title || schema.type !== 'object') return schema;
    named[schema.title] = schema;
    return { $ref: `${SCHEMA_REF}${schema.title}` };
  };
  if (plain.type === 'array') return { ...plain, items: reference(plain.items as OpenAPIV3.SchemaObject) };
  return reference(plain);
}

function operation(
  route: RouteRow,
  schemas: Record<string, OpenAPIV3.SchemaObject>,
  views: Record<string, OpenAPIV3.SchemaObject>,
): OpenAPIV3.OperationObject {
  if (route.status !== 204 && !route.view) throw new Error(`${route.operationId} answers ${route.status} without a view`);
  const success: OpenAPIV3.ResponseObject =
    route.status === 204 || !route.view
      ? { description: DESCRIPTIONS[204] }
      : { description: DESCRIPTIONS[route.status], content: { 'application/json': { schema: viewSchema(route.view, views) } } };
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
      default: {
        description: 'A problem',
        content: { 'application/problem+json': { schema: { $ref: `${SCHEMA_REF}${ProblemView.title}` } } },
      },
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
export function buildOpenApiDocument(routes: readonly RouteRow[], info: DocumentInfo): OpenAPIV3.Document {
  const all = dtoSchemas();
  const views: Record<string, OpenAPIV3.SchemaObject> = {};
  const paths: OpenAPIV3.PathsObject = {};
  for (const route of routes) {
    const path = openApiPath(route.path);
    paths[path] = { ...paths[path], [route.method]: operation(route, all, views) };
  }
  viewSchema(ProblemView, views);
  const bodies = routes.flatMap((route) => (route.body ? [route.body] : []));
  return {
    openapi: '3.0.3',
    info: { title: info.title, version: info.version, description: "Webhooks as a service, speaking Hook0's API v1." },
    servers: [{ url: info.serverUrl }],
    tags: [...new Set(routes.map((route) => route.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas: { ...reachableSchemas(bodies, all), ...views },
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
