import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type RequestHandler, type Router } from 'express';

/**
 * The web dashboard's policy (docs/dashboard.md "How it is served"): its own scripts and styles only, API calls to
 * this origin only, never framed.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Paths the dashboard never answers: the API, its documentation, and anything that looks like a file. */
const NOT_PAGES = /^\/api(\/|$)|\.[A-Za-z0-9]+$/;

/** The built dashboard folder, if it holds a build: `index.html` and its hashed assets. */
export function builtDashboard(dir: string): string | null {
  return existsSync(path.join(dir, 'index.html')) ? dir : null;
}

/**
 * Serves the single-page dashboard at `/`: hashed assets cached for a year, and `index.html` (never cached) for
 * every other page address, so that a reload of `/organizations/…` opens that page.
 */
export function dashboardRouter(dir: string): Router {
  const router = express.Router();
  const withPolicy: RequestHandler = (_req, res, next) => {
    res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    next();
  };
  router.use('/assets', express.static(path.join(dir, 'assets'), { immutable: true, maxAge: '365d', index: false }));
  router.get(/.*/, withPolicy, (req, res, next) => {
    if (NOT_PAGES.test(req.path)) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(path.join(dir, 'index.html'));
  });
  return router;
}
