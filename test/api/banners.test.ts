// Banners: staff CRUD of sticky and popup banners, their settings and templates (others 403);
// the public feed serves only what is live for the platform, page and audience, inside its
// scheduling window, with a strong ETag (If-None-Match → 304) and a max-age that stops at the
// next window edge; popup images go up by presigned PUT and come back through a redirect.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCaller, createUser, json } from '../support/auth.js';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
let admin: Awaited<ReturnType<typeof createUser>>;
let student: Awaited<ReturnType<typeof createUser>>;
/** Platforms of this file's own, one per test, so no other test's banners show in a feed. */
const key = () => `bn-${randomUUID().slice(0, 8)}`;
const T = { feed: key(), etag: key(), settings: key(), image: key(), other: key() };
const other = T.other;

beforeAll(async () => {
  stack = await startTestStack({ worker: false });
  // Created before the first request: the api caches the platform list.
  await stack.db.platform.createMany({ data: Object.values(T).map((k) => ({ key: k, name: `Banner test ${k}` })) });
  admin = await createUser(stack, 'ADMIN');
  student = await createUser(stack, 'USER');
});
afterAll(() => stack.close());

const call = (...args: Parameters<ReturnType<typeof apiCaller>>) => apiCaller(stack)(...args);
const inMs = (ms: number) => new Date(Date.now() + ms).toISOString();

async function feed(tenant: string, query: string, headers: Record<string, string> = {}) {
  const res = await stack.app.request(json('GET', `/api/public/banners${query}`, undefined, { 'x-platform': tenant, ...headers }));
  const text = await res.text();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- read loosely; the OpenAPI test checks shapes
  return { status: res.status, etag: res.headers.get('etag'), cacheControl: res.headers.get('cache-control'), body: (text ? JSON.parse(text) : null) as any };
}
const ids = (items: { id: string }[]) => items.map((b) => b.id);

describe('banners', () => {
  it('staff create, read, edit, list and delete sticky banners; bad input is 400 or 422; others 403', async () => {
    const created = await call(admin.accessToken, 'POST', '/api/admin/banners/sticky', {
      message: 'Admissions close Friday',
      ctaText: 'Apply',
      ctaUrl: '/apply',
      backgroundColor: '#0b5fff',
      textColor: '#fff',
      platform: other,
      targetPages: ['/courses'],
      displayOrder: 2,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ message: 'Admissions close Friday', platform: other, audience: 'ALL', isActive: true, createdById: admin.user.id, startsAt: null });
    const id = created.body.id as string;
    expect((await call(admin.accessToken, 'GET', `/api/admin/banners/sticky/${id}`)).body.ctaUrl).toBe('/apply');
    const edited = await call(admin.accessToken, 'PATCH', `/api/admin/banners/sticky/${id}`, { message: 'Admissions close Monday', endsAt: inMs(86_400_000) });
    expect(edited.status).toBe(200);
    expect(edited.body.message).toBe('Admissions close Monday');
    const listed = await call(admin.accessToken, 'GET', `/api/admin/banners/sticky?platform=${other}&isActive=true`);
    expect(ids(listed.body.items)).toContain(id);

    expect((await call(admin.accessToken, 'POST', '/api/admin/banners/sticky', { message: 'x', backgroundColor: 'red' })).status).toBe(400);
    expect((await call(admin.accessToken, 'POST', '/api/admin/banners/sticky', { message: 'x', ctaUrl: 'javascript:alert(1)' })).status).toBe(400);
    expect((await call(admin.accessToken, 'POST', '/api/admin/banners/sticky', { message: 'x', targetPages: Array.from({ length: 21 }, (_, i) => `/p${i}`) })).status).toBe(400);
    expect((await call(admin.accessToken, 'POST', '/api/admin/banners/sticky', { message: 'x', isAdmin: true })).status).toBe(400);
    expect((await call(admin.accessToken, 'PATCH', `/api/admin/banners/sticky/${id}`, {})).status).toBe(400);
    const backwards = await call(admin.accessToken, 'PATCH', `/api/admin/banners/sticky/${id}`, { startsAt: inMs(2 * 86_400_000) });
    expect(backwards.status).toBe(422);
    expect(backwards.body.errors[0].path).toBe('json.endsAt');
    expect((await call(admin.accessToken, 'POST', '/api/admin/banners/sticky', { message: 'x', platform: 'nowhere' })).status).toBe(422);

    expect((await call(student.accessToken, 'POST', '/api/admin/banners/sticky', { message: 'Mine now' })).status).toBe(403);
    expect((await call(student.accessToken, 'GET', `/api/admin/banners/sticky/${id}`)).status).toBe(403);

    expect((await call(admin.accessToken, 'DELETE', `/api/admin/banners/sticky/${id}`)).status).toBe(204);
    expect((await call(admin.accessToken, 'GET', `/api/admin/banners/sticky/${id}`)).status).toBe(404);
    expect((await call(admin.accessToken, 'PATCH', `/api/admin/banners/sticky/${id}`, { isActive: false })).status).toBe(404);
    expect((await call(admin.accessToken, 'DELETE', `/api/admin/banners/sticky/${id}`)).status).toBe(404);
  });

  it('the feed serves what is live: window, platform, page prefix, audience and the active flag', async () => {
    const mk = async (body: Record<string, unknown>) => (await call(admin.accessToken, 'POST', '/api/admin/banners/sticky', { platform: T.feed, ...body })).body.id as string;
    const live = await mk({ message: 'Live everywhere', displayOrder: 1 });
    const first = await mk({ message: 'Live, shown first', displayOrder: 0 });
    const future = await mk({ message: 'Not yet', startsAt: inMs(3_600_000) });
    const ended = await mk({ message: 'Over', startsAt: inMs(-7_200_000), endsAt: inMs(-3_600_000) });
    const ending = await mk({ message: 'Ending soon', startsAt: inMs(-3_600_000), endsAt: inMs(30_000), displayOrder: 2 });
    const courses = await mk({ message: 'On course pages', targetPages: ['/courses/'] });
    const members = await mk({ message: 'For members', audience: 'LOGGED_IN' });
    const guests = await mk({ message: 'For guests', audience: 'LOGGED_OUT', displayOrder: 3 });
    const off = await mk({ message: 'Switched off', isActive: false });
    const elsewhere = await mk({ message: 'Other platform', platform: other });
    const popup = (await call(admin.accessToken, 'POST', '/api/admin/banners/popups', { title: 'Webinar tonight', platform: T.feed, imageUrl: 'https://cdn.example.com/w.png' })).body.id as string;

    const home = await feed(T.feed, '?page=/');
    expect(home.status).toBe(200);
    expect(ids(home.body.sticky)).toEqual([first, live, ending]);
    expect(home.body.popups).toEqual([expect.objectContaining({ id: popup, title: 'Webinar tonight', imageUrl: 'https://cdn.example.com/w.png' })]);
    expect(home.body.settings.sticky).toMatchObject({ isEnabled: true, position: 'top' });
    for (const hidden of [future, ended, courses, members, guests, off, elsewhere]) expect(ids(home.body.sticky)).not.toContain(hidden);
    // The cache lifetime stops at the next edge: the "ending" banner's end, 30 s away.
    const maxAge = Number(/max-age=(\d+)/.exec(home.cacheControl!)![1]);
    expect(maxAge).toBeGreaterThan(0);
    expect(maxAge).toBeLessThanOrEqual(30);
    expect(home.cacheControl).toContain('public');

    expect(ids((await feed(T.feed, '?page=/courses/sql')).body.sticky)).toContain(courses);
    expect(ids((await feed(T.feed, '?page=/courses')).body.sticky)).toContain(courses);
    expect(ids((await feed(T.feed, '?page=/coursesx')).body.sticky)).not.toContain(courses);
    const signedIn = ids((await feed(T.feed, '?page=/&loggedIn=true')).body.sticky);
    expect(signedIn).toContain(members);
    expect(signedIn).not.toContain(guests);
    expect(ids((await feed(T.feed, '?page=/&loggedIn=false')).body.sticky)).toEqual([first, live, ending, guests]);

    // The future banner goes live once its start passes.
    await stack.db.stickyBanner.update({ where: { id: future }, data: { startsAt: new Date(Date.now() - 1000) } });
    expect(ids((await feed(T.feed, '?page=/')).body.sticky)).toContain(future);

    expect((await feed(T.feed, '?page=no-slash')).status).toBe(400);
    expect((await feed(T.feed, '?loggedIn=maybe')).status).toBe(400);
    expect((await feed(T.feed, '', { 'x-platform': 'evil-corp' })).status).toBe(400);
  });

  it('ETag: If-None-Match with the current tag is 304; an edit changes the tag', async () => {
    const page = `/etag-${randomUUID().slice(0, 8)}`;
    const id = (await call(admin.accessToken, 'POST', '/api/admin/banners/sticky', { message: 'Tagged', platform: T.etag, targetPages: [page] })).body.id as string;
    const a = await feed(T.etag, `?page=${page}`);
    expect(a.status).toBe(200);
    expect(a.etag).toMatch(/^"[\w-]+"$/);
    const again = await feed(T.etag, `?page=${page}`);
    expect(again.etag).toBe(a.etag);

    const cached = await feed(T.etag, `?page=${page}`, { 'if-none-match': a.etag! });
    expect(cached.status).toBe(304);
    expect(cached.body).toBeNull();
    expect(cached.etag).toBe(a.etag);
    expect(cached.cacheControl).toMatch(/max-age=\d+/);
    expect((await feed(T.etag, `?page=${page}`, { 'if-none-match': `"other", W/${a.etag!}` })).status).toBe(304);
    expect((await feed(T.etag, `?page=${page}`, { 'if-none-match': '"stale"' })).status).toBe(200);

    await call(admin.accessToken, 'PATCH', `/api/admin/banners/sticky/${id}`, { message: 'Tagged again' });
    const b = await feed(T.etag, `?page=${page}`, { 'if-none-match': a.etag! });
    expect(b.status).toBe(200);
    expect(b.etag).not.toBe(a.etag);
    expect(b.body.sticky.find((x: { id: string }) => x.id === id).message).toBe('Tagged again');
  });

  it('settings per scope: a platform override switches its sticky banners off; unknown scopes are 422', async () => {
    const page = `/settings-${randomUUID().slice(0, 8)}`;
    const id = (await call(admin.accessToken, 'POST', '/api/admin/banners/sticky', { message: 'Until switched off', platform: T.settings, targetPages: [page] })).body.id as string;
    expect(ids((await feed(T.settings, `?page=${page}`)).body.sticky)).toEqual([id]);

    const put = await call(admin.accessToken, 'PUT', `/api/admin/banners/settings/sticky/${T.settings}`, { isEnabled: false, position: 'bottom' });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ scope: T.settings, isEnabled: false, position: 'bottom', rotationIntervalSeconds: 8 });
    const off = await feed(T.settings, `?page=${page}`);
    expect(off.body.sticky).toEqual([]);
    expect(off.body.settings.sticky).toMatchObject({ isEnabled: false, position: 'bottom' });
    const popupSettings = await call(admin.accessToken, 'PUT', `/api/admin/banners/settings/popup/${T.settings}`, { delaySeconds: 12, cooldownHours: 48 });
    expect(popupSettings.body).toMatchObject({ scope: T.settings, delaySeconds: 12, cooldownHours: 48, maxShowsPerSession: 1 });
    expect((await feed(T.settings, `?page=${page}`)).body.settings.popup).toMatchObject({ delaySeconds: 12, cooldownHours: 48 });
    const all = await call(admin.accessToken, 'GET', '/api/admin/banners/settings');
    expect(all.body.sticky.map((s: { scope: string }) => s.scope)).toContain(T.settings);

    expect((await call(admin.accessToken, 'PUT', '/api/admin/banners/settings/sticky/nowhere', { isEnabled: true })).status).toBe(422);
    expect((await call(admin.accessToken, 'PUT', `/api/admin/banners/settings/popup/${T.settings}`, { delaySeconds: -1 })).status).toBe(400);
    expect((await call(admin.accessToken, 'PUT', `/api/admin/banners/settings/sticky/${T.settings}`, { position: 'middle' })).status).toBe(400);
    expect((await call(student.accessToken, 'PUT', `/api/admin/banners/settings/sticky/${T.settings}`, { isEnabled: true })).status).toBe(403);
    await call(admin.accessToken, 'PUT', `/api/admin/banners/settings/sticky/${T.settings}`, { isEnabled: true });
    expect(ids((await feed(T.settings, `?page=${page}`)).body.sticky)).toEqual([id]);
  });

  it('popup images: presigned upload, attach once uploaded, served through a redirect', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
    const up = await call(admin.accessToken, 'POST', '/api/admin/banners/image-uploads', { contentType: 'image/png', sizeBytes: png.length });
    expect(up.status).toBe(201);
    expect(up.body.key).toMatch(/^banners\/[\w-]+\.png$/);
    expect((await call(admin.accessToken, 'POST', '/api/admin/banners/image-uploads', { contentType: 'image/svg+xml', sizeBytes: 10 })).status).toBe(400);
    expect((await call(admin.accessToken, 'POST', '/api/admin/banners/image-uploads', { contentType: 'image/png', sizeBytes: 50 * 1024 * 1024 })).status).toBe(400);

    // Not uploaded yet, or not a banner image key: 422.
    expect((await call(admin.accessToken, 'POST', '/api/admin/banners/popups', { title: 'Early', imageS3Key: up.body.key })).status).toBe(422);
    expect((await call(admin.accessToken, 'POST', '/api/admin/banners/popups', { title: 'Elsewhere', imageS3Key: 'invoices/x.pdf' })).status).toBe(422);
    const put = await fetch(up.body.upload.url, { method: 'PUT', body: png, headers: { 'content-type': 'image/png' } });
    expect(put.status).toBe(200);

    const page = `/img-${randomUUID().slice(0, 8)}`;
    const popup = await call(admin.accessToken, 'POST', '/api/admin/banners/popups', { title: 'With image', imageS3Key: up.body.key, platform: T.image, targetPages: [page] });
    expect(popup.status).toBe(201);
    const served = (await feed(T.image, `?page=${page}`)).body.popups[0];
    expect(served.imageUrl).toBe(`/api/public/banners/popups/${popup.body.id}/image`);
    const redirect = await stack.app.request(served.imageUrl as string);
    expect(redirect.status).toBe(302);
    const image = await fetch(redirect.headers.get('location')!);
    expect(new Uint8Array(await image.arrayBuffer())).toEqual(png);

    await call(admin.accessToken, 'PATCH', `/api/admin/banners/popups/${popup.body.id}`, { isActive: false });
    expect((await stack.app.request(served.imageUrl as string)).status).toBe(404);
    expect((await stack.app.request(`/api/public/banners/popups/${randomUUID()}/image`)).status).toBe(404);
  });

  it('templates: CRUD, one name per type (409), staff only', async () => {
    const name = `Festive ${randomUUID().slice(0, 8)}`;
    const created = await call(admin.accessToken, 'POST', '/api/admin/banner-templates', { name, type: 'STICKY', content: { message: 'Diwali offer', backgroundColor: '#ff9900' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name, type: 'STICKY', isActive: true, content: { message: 'Diwali offer' } });
    expect((await call(admin.accessToken, 'POST', '/api/admin/banner-templates', { name, type: 'STICKY', content: {} })).status).toBe(409);
    expect((await call(admin.accessToken, 'POST', '/api/admin/banner-templates', { name, type: 'POPUP', content: {} })).status).toBe(201);
    expect((await call(admin.accessToken, 'POST', '/api/admin/banner-templates', { name, type: 'BANNER', content: {} })).status).toBe(400);
    expect((await call(admin.accessToken, 'POST', '/api/admin/banner-templates', { name: `${name} x`, type: 'POPUP', content: { message: 'x', script: '<script>' } })).status).toBe(400);
    const edited = await call(admin.accessToken, 'PATCH', `/api/admin/banner-templates/${created.body.id}`, { isActive: false, content: { message: 'Holi offer' } });
    expect(edited.body).toMatchObject({ isActive: false, content: { message: 'Holi offer' } });
    const list = await call(admin.accessToken, 'GET', '/api/admin/banner-templates?type=STICKY&isActive=false');
    expect(ids(list.body.items)).toContain(created.body.id);
    expect((await call(student.accessToken, 'GET', '/api/admin/banner-templates')).status).toBe(403);
    expect((await call(admin.accessToken, 'DELETE', `/api/admin/banner-templates/${created.body.id}`)).status).toBe(204);
    expect((await call(admin.accessToken, 'PATCH', `/api/admin/banner-templates/${created.body.id}`, { isActive: true })).status).toBe(404);
  });
});
