// The reference for package reads: a bare Hono route on the same Node server adapter,
// answering any GET with the same bytes from memory (no session, no database, no schema).
// Run as its own process: node scripts/bench/bare-hono.ts <file holding the body>.
import { readFileSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const body = readFileSync(process.argv[2] ?? '', 'utf8');
const app = new Hono();
app.get('*', (c) => c.body(body, 200, { 'content-type': 'application/json', 'cache-control': 'no-store' }));
serve({ fetch: app.fetch, port: 0, hostname: 'localhost' }, (info) => {
  console.log(`running at http://localhost:${info.port}/ `);
});
