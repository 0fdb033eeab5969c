#!/usr/bin/env node
'use strict';
/** A webhook receiver for trying things out: prints each request it gets and answers 204. Usage: node scripts/receiver.js [port] */
const http = require('node:http');

const port = Number(process.argv[2] ?? 4000);
http
  .createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      process.stdout.write(`\n${req.method} ${req.url}\n`);
      for (const [name, value] of Object.entries(req.headers)) process.stdout.write(`${name}: ${value}\n`);
      process.stdout.write(`\n${Buffer.concat(chunks).toString('utf8')}\n`);
      res.writeHead(204).end();
    });
  })
  .listen(port, '127.0.0.1', () => process.stdout.write(`receiver listening on http://127.0.0.1:${port}\n`));
