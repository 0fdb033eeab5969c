import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import express from 'express';
import request from 'supertest';
import { builtDashboard, dashboardRouter } from './dashboard';

describe('the dashboard served at /', () => {
  let dir: string;
  let app: express.Express;

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'dashboard-'));
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(path.join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
    app = express();
    app.use(dashboardRouter(dir));
    app.use((_req, res) => res.status(404).json({ id: 'NotFound' }));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(['/', '/login', '/organizations/0b9d1e1e-0000-4000-8000-000000000000/applications/x/events'])(
    'answers %s with the page, never cached, under a policy that allows only its own scripts',
    async (page) => {
      const response = await request(app).get(page).expect(200);
      expect(response.text).toContain('<div id="root">');
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.headers['content-security-policy']).toContain("script-src 'self'");
      expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    },
  );

  it('serves hashed assets for a year', async () => {
    const response = await request(app).get('/assets/index-abc123.js').expect(200);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it.each(['/assets/missing.js', '/favicon.ico', '/api/v1/nothing-here', '/api'])('leaves %s to the next handler', async (address) => {
    const response = await request(app).get(address).expect(404);
    expect(response.body).toEqual({ id: 'NotFound' });
  });

  it('does not answer writes', async () => {
    await request(app).post('/').expect(404);
  });

  it('knows a folder without a build', () => {
    expect(builtDashboard(dir)).toBe(dir);
    expect(builtDashboard(path.join(dir, 'assets'))).toBeNull();
  });
});
