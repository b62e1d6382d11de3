// GET /docs: interactive API reference (Scalar), served entirely from this api: the page
// loads the standalone bundle from /docs/scalar.js, never from a CDN.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Hono } from 'hono';
import type { AppEnv } from '../../deps.js';
import { DOCUMENT_HEADERS } from '../../middleware/fast-path.js';

const require = createRequire(import.meta.url);
let bundle: { body: Buffer; etag: string } | undefined;
function scalarBundle() {
  if (!bundle) {
    const body = readFileSync(require.resolve('@scalar/api-reference/browser/standalone.js'));
    bundle = { body, etag: `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"` };
  }
  return bundle;
}

const page = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>MAS platform API</title>
  </head>
  <body>
    <script id="api-reference" data-url="/openapi.json"></script>
    <script src="/docs/scalar.js"></script>
  </body>
</html>`;

export const docsRouter = new Hono<AppEnv>()
  .get('/docs', (c) => {
    // Scalar needs inline script/style; relax CSP for this page only.
    for (const [name, value] of DOCUMENT_HEADERS) c.header(name, value);
    c.header('Content-Security-Policy', "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:");
    return c.html(page);
  })
  .get('/docs/scalar.js', (c) => {
    const { body, etag } = scalarBundle();
    // compress() weakens the ETag (W/"…"); a weak match is enough for a static file.
    if (c.req.header('if-none-match')?.replace(/^W\//, '') === etag) return c.body(null, 304);
    c.header('ETag', etag);
    c.header('Cache-Control', 'public, max-age=86400');
    c.header('Content-Type', 'application/javascript; charset=utf-8');
    return c.body(new Uint8Array(body));
  });
