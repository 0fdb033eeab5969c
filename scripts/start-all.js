#!/usr/bin/env node
'use strict';
/**
 * `npm start`: the whole system on one machine, for trying it out. Creates the database when missing,
 * applies migrations, then runs the API and one dispatcher; Ctrl-C stops both gracefully.
 * Production runs `npm run migrate`, then `node services/api/dist/main.js` and any number of
 * `node services/dispatcher/dist/main.js` processes instead.
 */
const { spawn } = require('node:child_process');
const { randomUUID } = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { migrateDatabase } = require('../libs/db/dist');

const root = path.resolve(__dirname, '..');
const log = (message, fields = {}) => process.stdout.write(`${JSON.stringify({ level: 'info', service: 'start', message, ...fields })}\n`);

function localMasterKey() {
  if (process.env.MASTER_API_KEY) return process.env.MASTER_API_KEY;
  const file = path.join(root, '.hook0', 'master-api-key');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    fs.writeFileSync(file, `${randomUUID()}\n`, { mode: 0o600 });
  }
  log('start.master_key', { file: path.relative(root, file) });
  return fs.readFileSync(file, 'utf8').trim();
}

async function main() {
  const env = { ...process.env, MASTER_API_KEY: localMasterKey() };
  if (env.DISABLE_TARGET_IP_CHECK === undefined) {
    // A local trial delivers to receivers on this machine; production keeps the SSRF guard on.
    env.DISABLE_TARGET_IP_CHECK = 'true';
    log('start.target_ip_check_disabled', { reason: 'local run; set DISABLE_TARGET_IP_CHECK=false to keep it' });
  }
  const databaseUrl = env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/hook0';
  const applied = await migrateDatabase(databaseUrl);
  log('start.migrated', { applied });

  const children = ['api', 'dispatcher'].map((service) =>
    spawn(process.execPath, [path.join(root, 'services', service, 'dist', 'main.js')], { env, stdio: 'inherit' }),
  );
  let stopping = false;
  const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    for (const child of children) if (child.exitCode === null) child.kill(signal);
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  let exitCode = 0;
  await Promise.all(
    children.map(
      (child) =>
        new Promise((resolve) =>
          child.on('exit', (code) => {
            if (code) exitCode = code;
            stop('SIGTERM');
            resolve();
          }),
        ),
    ),
  );
  process.exit(exitCode);
}

main().catch((error) => {
  process.stderr.write(`${JSON.stringify({ level: 'error', service: 'start', message: 'start.failed', error: String(error) })}\n`);
  process.exit(1);
});
