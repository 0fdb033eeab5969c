import { randomUUID } from 'node:crypto';
import cors from 'cors';
import express, { type Express, type Request, type RequestHandler } from 'express';
import type { ApiConfig } from '@hook0/config';
import { startSpan, withLogContext, type ApiMetrics, type Logger } from '@hook0/observability';
import type { Authenticator } from './auth/principal';
import { notFoundHandler, problemHandler } from './http/problem-responses';
import { jsonBodyReader } from './http/json-body';
import type { BoundRoute } from './http/route';
import type { RouteAccess } from './http/route-access';
import { mountRoutes } from './http/route-mounting';
import { ApiRateLimits } from './http/rate-limits';
import { responseRecorder, routeLabels, type ResponseRecorder } from './http/request-metrics';
import { DOCS_PATH, swaggerUiHandlers } from './http/openapi/swagger-ui';
import { dashboardRouter } from './http/dashboard';

export interface AppDependencies {
  readonly config: ApiConfig;
  readonly logger: Logger;
  readonly metrics: ApiMetrics;
  readonly authenticator: Authenticator;
  readonly routes: readonly BoundRoute[];
  /** Enforces each route's access rule. */
  readonly access: RouteAccess;
  /** The built web dashboard to serve at `/`, or null to serve none. */
  readonly dashboardDir?: string | null;
}

export const API_PREFIX = '/api/v1';
const INGEST_ROUTE = `${API_PREFIX}/event`;

/** Hook0 trims one trailing slash (actix NormalizePath::trim), so `/event/` is `/event`. */
const trimTrailingSlash: RequestHandler = (req, _res, next) => {
  const [path, query] = splitUrl(req.url);
  if (path.length > 1 && path.endsWith('/')) req.url = path.replace(/\/+$/, '') + query;
  next();
};

function splitUrl(url: string): [string, string] {
  const index = url.indexOf('?');
  return index === -1 ? [url, ''] : [url.slice(0, index), url.slice(index)];
}

const securityHeaders: RequestHandler = (_req, res, next) => {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
  next();
};

/** A caller's own request id is kept when it is a plain token; anything else (too long, spaces, control characters) is replaced. */
const CALLER_REQUEST_ID = /^[A-Za-z0-9._:@/+=-]{1,128}$/;

function requestIdOf(req: Request): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && CALLER_REQUEST_ID.test(given) ? given : randomUUID();
}

/**
 * Hook0's CORS (docs/api.md "CORS and request ids"): only the listed origins, Hook0's methods and request headers,
 * preflights cached for an hour; the headers a client needs from an answer are exposed to it.
 */
function corsFor(origins: readonly string[]): RequestHandler {
  return cors({
    origin: [...origins],
    methods: ['GET', 'POST', 'PUT', 'DELETE'],
    allowedHeaders: ['Accept', 'Authorization', 'Content-Type', 'Hook0-Client-Options', 'X-Request-Id'],
    exposedHeaders: ['X-Request-Id', 'Link', 'Retry-After'],
    maxAge: 3600,
  });
}

/** Request id, metrics and a server span per request (continuing a caller's `traceparent`, docs/observability.md). */
function requestContext(record: ResponseRecorder, logger: Logger): RequestHandler {
  return (req, res, next) => {
    const requestId = requestIdOf(req);
    const started = process.hrtime.bigint();
    const span = startSpan(req.method, { kind: 'server', parent: req.headers, attributes: { 'http.request.method': req.method } });
    res.setHeader('X-Request-Id', requestId);
    res.on('finish', () => {
      const route = record(req, res, Number(process.hrtime.bigint() - started) / 1e9);
      if (res.statusCode >= 500) logger.warn('http.server_error', { requestId, method: req.method, route, status: res.statusCode });
      span.rename(`${req.method} ${route}`);
      span.setAttribute('http.route', route);
      span.setAttribute('http.response.status_code', res.statusCode);
      if (res.statusCode >= 500) span.fail(String(res.statusCode));
      span.end();
    });
    span.run(() => withLogContext({ requestId }, next));
  };
}

/** The Express application, without listening: tests and main.ts both build it from the same dependencies. */
export function buildApp(deps: AppDependencies): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.config.trustProxyHops);
  app.use(requestContext(responseRecorder(deps.metrics, INGEST_ROUTE), deps.logger));
  if (deps.config.corsAllowedOrigins.length > 0) app.use(API_PREFIX, corsFor(deps.config.corsAllowedOrigins));
  app.use(DOCS_PATH, securityHeaders, ...swaggerUiHandlers(API_PREFIX));
  app.use(trimTrailingSlash);
  app.use(API_PREFIX, routeLabels(API_PREFIX, deps.routes));
  app.use(securityHeaders);
  const rateLimits = new ApiRateLimits(deps.config.rateLimits);
  app.use(API_PREFIX, rateLimits.perClient);
  // No body is read here: each route reads its own once the caller is authenticated and rate-limited (mountRoutes).
  const router = express.Router();
  mountRoutes(router, deps.routes, {
    authenticator: deps.authenticator,
    admit: (rateLimit, principal) => rateLimits.admit(rateLimit, principal),
    access: deps.access,
    readJson: jsonBodyReader(deps.config.bodyLimitBytes),
  });
  app.use(API_PREFIX, router);
  if (deps.dashboardDir) app.use(dashboardRouter(deps.dashboardDir));
  app.use(notFoundHandler);
  app.use(problemHandler(deps.logger));
  return app;
}
