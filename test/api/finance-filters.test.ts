// The finance lists and the accountant's CSV refuse malformed filters with 400 problem+json naming
// the query field (never a 500, never an empty or partial CSV), and accept a well-formed period.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearerHeader, createUser, json } from '../support/auth.js';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
let token: string;

beforeAll(async () => {
  stack = await startTestStack({ worker: false });
  token = (await createUser(stack, 'SUPERADMIN')).accessToken;
});
afterAll(() => stack?.close());

const get = (path: string) => stack.app.request(json('GET', path, undefined, bearerHeader(token)));

describe('finance filters', () => {
  it.each([
    ['/api/admin/finance/payments?state=9', 'query.state'],
    ['/api/admin/finance/payments?state=ka', 'query.state'],
    ['/api/admin/finance/payments?kind=pap-installment', 'query.kind'],
    ['/api/admin/finance/payments?status=SETTLED', 'query.status'],
    ['/api/admin/finance/invoices?supplyType=B2G', 'query.supplyType'],
    ['/api/admin/finance/invoices?from=2026-13-01', 'query.from'],
    ['/api/admin/finance/invoices?from=yesterday', 'query.from'],
    ['/api/admin/finance/credit-notes?from=2026-05-01&to=2026-04-01', 'query.to'],
    ['/api/admin/finance/credit-notes?from=2026-04-01&to=2026-04-01', 'query.to'],
    ['/api/admin/finance/payments?limit=100000', 'query.limit'],
    ['/api/admin/finance/gst-documents.csv?from=2026-05-01&to=2026-04-01', 'query.to'],
    ['/api/admin/finance/gst-documents.csv?state=999', 'query.state'],
  ])('%s → 400 naming %s', async (path, field) => {
    const res = await get(path);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const body = (await res.json()) as { errors?: { path: string }[]; detail: string };
    expect(body.errors?.map((e) => e.path)).toContain(field);
    expect(JSON.stringify(body)).not.toMatch(/\bat .+\.(ts|js):\d+/);
  });

  it('a garbage cursor is a 400, and a well-formed period answers an empty page and a header-only CSV', async () => {
    expect((await get('/api/admin/finance/invoices?cursor=not-a-cursor')).status).toBe(400);
    const page = await get('/api/admin/finance/payments?from=2019-04-01&to=2019-05-01T00:00:00%2B05:30&state=29&kind=application&status=CAPTURED&supplyType=B2C');
    expect(page.status).toBe(200);
    expect(await page.json()).toMatchObject({ items: [], nextCursor: null });
    const csv = await get('/api/admin/finance/gst-documents.csv?from=2019-04-01&to=2019-05-01');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect((await csv.text()).trim().split('\n')).toHaveLength(1);
  });
});
