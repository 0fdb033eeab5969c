import { Type } from '@sinclair/typebox';
import type { OpenAPIV3 } from 'openapi-types';
import { defineRoute, type RouteDefinition } from '../route';
import { buildOpenApiDocument, type DocumentInfo } from './openapi-document';

/**
 * `GET /swagger.json`. It describes the whole table, itself included; the document is built on first request
 * (every route module is loaded by then) and kept.
 */
const OpenApiDocumentView = Type.Unsafe<OpenAPIV3.Document>({
  type: 'object',
  title: 'OpenApiDocument',
  description: 'an OpenAPI 3.0 document',
});

export function openApiRoutes(table: () => readonly RouteDefinition[], info: DocumentInfo): RouteDefinition[] {
  let document: OpenAPIV3.Document | null = null;
  return [
    defineRoute({
      method: 'get',
      path: '/swagger.json',
      operationId: 'openapi.get',
      summary: 'Get this OpenAPI document',
      tag: 'Instance',
      auth: 'none',
      status: 200,
      view: OpenApiDocumentView,
      handler: async () => (document ??= buildOpenApiDocument(table(), info)),
    }),
  ];
}
