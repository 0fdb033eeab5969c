import type { RequestHandler } from 'express';
import swaggerUi from 'swagger-ui-express';

export const DOCS_PATH = '/api/docs';

/**
 * Swagger UI over `${apiPrefix}/swagger.json`, its assets served from the swagger-ui-dist package (no CDN).
 * Mounted before the trailing-slash trim: the UI's page lives at `/api/docs/`, where its relative asset paths resolve.
 */
export function swaggerUiHandlers(apiPrefix: string): RequestHandler[] {
  return [
    ...swaggerUi.serve,
    swaggerUi.setup(undefined, { customSiteTitle: 'hook0-ts API', swaggerOptions: { url: `${apiPrefix}/swagger.json` } }),
  ];
}
