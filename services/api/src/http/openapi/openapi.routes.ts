import { Type } from '@sinclair/typebox';
import type { OpenAPIV3 } from 'openapi-types';
import { publicAccess } from '../access-rule';
import { defineRoute, type HandlersOf, type RouteRow } from '../route';
import { buildOpenApiDocument, type DocumentInfo } from './openapi-document';

const OpenApiDocumentView = Type.Unsafe<OpenAPIV3.Document>({
  type: 'object',
  title: 'OpenApiDocument',
  description: 'an OpenAPI 3.0 document',
});

/** `GET /swagger.json`: it describes the whole table, itself included. */
export const openApiRoutes = {
  document: defineRoute({
    method: 'get',
    path: '/swagger.json',
    operationId: 'openapi.get',
    summary: 'Get this OpenAPI document',
    tag: 'Instance',
    auth: 'none',
    access: publicAccess,
    rateLimit: 'shared',
    status: 200,
    view: OpenApiDocumentView,
  }),
};

/** The document is built on first request and kept. */
export function openApiHandlers(table: readonly RouteRow[], info: DocumentInfo): HandlersOf<typeof openApiRoutes> {
  let document: OpenAPIV3.Document | null = null;
  return {
    document: async () => (document ??= buildOpenApiDocument(table, info)),
  };
}
