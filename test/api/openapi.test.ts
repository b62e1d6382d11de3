// The OpenAPI document is valid OpenAPI 3.1, and every mounted route is in it.
import SwaggerParser from '@apidevtools/swagger-parser';
import { describe, expect, it } from 'vitest';
import { createStaticApp } from '../support/static-app.js';

const app = await createStaticApp();
const spec = (await (await app.request('/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };

// Routes that are not part of the API contract: the spec itself and the docs page.
const NOT_API = new Set(['/openapi.json', '/docs', '/docs/scalar.js']);

describe('OpenAPI document', () => {
  it('validates as OpenAPI 3.1', async () => {
    await expect(SwaggerParser.validate(structuredClone(spec) as never)).resolves.toBeTruthy();
  });

  it('documents every mounted route, and nothing that is not mounted', () => {
    const mounted = new Set(
      app.routes
        .filter((r) => r.method !== 'ALL' && !NOT_API.has(r.path))
        .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`),
    );
    const documented = new Set(Object.entries(spec.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`)));
    expect([...mounted].sort()).toEqual([...documented].sort());
  });
});
