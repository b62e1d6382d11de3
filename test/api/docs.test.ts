// /docs serves the API reference from the api itself (no CDN), and /openapi.json is valid.
import { describe, expect, it } from 'vitest';
import { createStaticApp } from '../support/static-app.js';

const app = await createStaticApp();

describe('API docs', () => {
  it('serves the Scalar page pointing at local assets only', async () => {
    const res = await app.request('/docs');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('data-url="/openapi.json"');
    expect(html).toContain('src="/docs/scalar.js"');
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('serves the standalone bundle compressed and cacheable, with 304 on a matching ETag', async () => {
    const res = await app.request('/docs/scalar.js', { headers: { 'accept-encoding': 'gzip' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    const etag = res.headers.get('etag')!;
    expect(etag).toBeTruthy();
    const again = await app.request('/docs/scalar.js', { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });

  it('publishes an OpenAPI 3.1 document whose operations all declare their error responses', async () => {
    const spec = (await (await app.request('/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    expect(spec.openapi).toBe('3.1.0');
    for (const [path, ops] of Object.entries(spec.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        expect(Object.keys(op.responses).length, `${method} ${path}`).toBeGreaterThan(0);
      }
    }
  });
});
