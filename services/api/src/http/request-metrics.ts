import express, { type Request, type Response, type Router } from 'express';
import { statusClass, type ProblemError } from '@hook0/core';
import type { ApiMetrics } from '@hook0/observability';
import { ingestOutcome } from './ingest-outcome';
import type { RouteRow } from './route';

/**
 * Names each request's route template before anything may refuse it (rate limits, body parsing), so that those
 * answers carry their route too. Express matches the paths of the table it routes with, for any method (a
 * method-specific route here would make this router answer OPTIONS itself); the first match wins.
 */
export function routeLabels(prefix: string, routes: readonly RouteRow[]): Router {
  const router = express.Router();
  for (const path of new Set(routes.map((route) => route.path))) {
    const template = prefix + path;
    router.all(path, (_req, res, next) => {
      res.locals.routeTemplate = template;
      next('router');
    });
  }
  return router;
}

export type ResponseRecorder = (req: Request, res: Response, seconds: number) => string;

/** Records each finished response (duration by method, route template and status class; the outcome of an ingest) and returns its route label. */
export function responseRecorder(metrics: ApiMetrics, ingestRoute: string): ResponseRecorder {
  return (req, res, seconds) => {
    const route = (res.locals.routeTemplate as string | undefined) ?? 'unmatched';
    metrics.httpDuration.observe({ method: req.method, route, status_class: statusClass(res.statusCode) }, seconds);
    if (req.method === 'POST' && route === ingestRoute) {
      metrics.eventsIngested.inc({ outcome: ingestOutcome(res.statusCode, res.locals.problem as ProblemError | undefined) });
    }
    return route;
  };
}
