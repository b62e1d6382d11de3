// Email templates through the API: staff only; placeholders checked on save (400 with field
// errors); preview with sample data (a missing variable is 422, values escaped); the version
// moves by one per change and two concurrent edits cannot both win; the system templates are
// seeded once and cannot be deleted; a booking email records the template version it rendered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNotificationActivities } from '../../activities/notifications.activities.js';
import { TEMPLATE_KEYS } from '../../domain/comms/default-templates.js';
import { createLogger } from '../../infra/logger.js';
import { ensureDefaultTemplates } from '../../services/notifications/email-templates.js';
import { apiCaller, createUser } from '../support/auth.js';
import { createMentorWithSlot } from '../support/fixtures.js';
import { startTestStack, TEST_NOTIFICATIONS, type TestStack } from '../support/stack.js';

let stack: TestStack;
let admin: string;
beforeAll(async () => {
  stack = await startTestStack({ worker: false });
  admin = (await createUser(stack, 'ADMIN')).accessToken;
});
afterAll(() => stack.close());

const call = (...args: Parameters<ReturnType<typeof apiCaller>>) => apiCaller(stack)(...args);
const body = (key: string) => ({ key, name: 'Webinar invite', category: 'marketing', subject: 'Join {{webinarTitle}}', htmlBody: '<p>Hi {{name}}, join <b>{{webinarTitle}}</b>.</p>', variables: ['name', 'webinarTitle'] });
const uniqueKey = () => `webinar-${Math.random().toString(36).slice(2, 10)}`;

describe('email templates', () => {
  it('create, read, list, preview, update (version +1), delete; staff only', async () => {
    const user = await createUser(stack, 'SALES');
    const key = uniqueKey();
    expect((await call(user.accessToken, 'POST', '/api/email-templates', body(key))).status).toBe(403);
    const created = await call(admin, 'POST', '/api/email-templates', body(key));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ key, version: 1, isActive: true, system: false, textBody: null });
    expect((await call(admin, 'POST', '/api/email-templates', body(key))).status).toBe(409);
    const id = created.body.id as string;

    const list = await call(admin, 'GET', '/api/email-templates?category=marketing&limit=100');
    expect(list.body.items.map((t: { key: string }) => t.key)).toContain(key);

    const preview = await call(admin, 'POST', `/api/email-templates/${id}/preview`, { data: { name: '<Riya & co>', webinarTitle: 'SQL' } });
    expect(preview.status).toBe(200);
    expect(preview.body).toEqual({ subject: 'Join SQL', html: '<p>Hi &lt;Riya &amp; co&gt;, join <b>SQL</b>.</p>', text: 'Hi <Riya & co>, join SQL.', templateKey: key, templateVersion: 1 });
    const missing = await call(admin, 'POST', `/api/email-templates/${id}/preview`, { data: { name: 'Riya' } });
    expect(missing.status).toBe(422);
    expect(missing.body.errors).toEqual([{ path: 'json.data.webinarTitle', message: 'Required by the template' }]);

    const v2 = await call(admin, 'PATCH', `/api/email-templates/${id}`, { subject: 'Reminder: {{webinarTitle}}', expectedVersion: 1 });
    expect(v2.body).toMatchObject({ subject: 'Reminder: {{webinarTitle}}', version: 2 });
    expect((await call(admin, 'PATCH', `/api/email-templates/${id}`, { name: 'Stale edit', expectedVersion: 1 })).status).toBe(409);
    expect((await call(admin, 'PATCH', `/api/email-templates/${id}`, { isActive: false })).body).toMatchObject({ isActive: false, version: 3 });
    expect((await call(admin, 'PATCH', `/api/email-templates/${id}`, {})).status).toBe(400);
    expect((await call(admin, 'GET', `/api/email-templates/${id}`)).body.version).toBe(3);

    expect((await call(admin, 'DELETE', `/api/email-templates/${id}`)).status).toBe(204);
    expect((await call(admin, 'GET', `/api/email-templates/${id}`)).status).toBe(404);
    expect((await call(admin, 'POST', `/api/email-templates/${id}/preview`, { data: {} })).status).toBe(404);
  });

  it('placeholders must match the declared variables, on create and on update (400 with field errors)', async () => {
    const unknown = await call(admin, 'POST', '/api/email-templates', { ...body(uniqueKey()), htmlBody: '<p>{{name}} {{webinarTitle}} {{venue}}</p>' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([{ path: 'json.htmlBody', message: expect.stringContaining('{{venue}}') }]);
    const unused = await call(admin, 'POST', '/api/email-templates', { ...body(uniqueKey()), variables: ['name', 'webinarTitle', 'venue'] });
    expect(unused.status).toBe(400);
    expect(unused.body.errors).toEqual([{ path: 'json.variables.2', message: expect.stringContaining('no placeholder uses it') }]);
    expect((await call(admin, 'POST', '/api/email-templates', { ...body('Bad Key!') })).status).toBe(400);
    expect((await call(admin, 'POST', '/api/email-templates', { ...body(uniqueKey()), subject: `{{webinarTitle}} ${'x'.repeat(300)}` })).status).toBe(400);

    const ok = await call(admin, 'POST', '/api/email-templates', body(uniqueKey()));
    // Dropping a variable that the body still uses is refused, and nothing changes.
    const drop = await call(admin, 'PATCH', `/api/email-templates/${ok.body.id}`, { variables: ['name'] });
    expect(drop.status).toBe(400);
    expect(drop.body.errors[0].path).toBe('json.subject');
    expect((await call(admin, 'GET', `/api/email-templates/${ok.body.id}`)).body).toMatchObject({ version: 1, variables: ['name', 'webinarTitle'] });
  });

  it('two concurrent edits of one version: exactly one wins, the version moves once per success', async () => {
    const t = await call(admin, 'POST', '/api/email-templates', body(uniqueKey()));
    const edits = await Promise.all(Array.from({ length: 8 }, (_, i) => call(admin, 'PATCH', `/api/email-templates/${t.body.id}`, { name: `Edit ${i}`, expectedVersion: 1 })));
    const ok = edits.filter((e) => e.status === 200);
    expect(ok).toHaveLength(1);
    expect(edits.filter((e) => e.status === 409)).toHaveLength(7);
    expect((await call(admin, 'GET', `/api/email-templates/${t.body.id}`)).body).toMatchObject({ version: 2, name: ok[0]!.body.name });
    // Without expectedVersion every edit applies, each on its own version.
    const blind = await Promise.all(Array.from({ length: 5 }, (_, i) => call(admin, 'PATCH', `/api/email-templates/${t.body.id}`, { name: `Blind ${i}` })));
    expect(blind.map((e) => e.status)).toEqual([200, 200, 200, 200, 200]);
    const versions = blind.map((e) => e.body.version as number);
    // Each answer is the row its own edit wrote.
    expect(new Set(versions).size).toBe(versions.length);
    blind.forEach((e, i) => expect(e.body.name).toBe(`Blind ${i}`));
    expect((await call(admin, 'GET', `/api/email-templates/${t.body.id}`)).body.version).toBe(2 + versions.length);
  });

  it('system templates are seeded once, cannot be deleted or deactivated, and a booking email records the version it rendered', async () => {
    await Promise.all([ensureDefaultTemplates(stack.db), ensureDefaultTemplates(stack.db)]);
    expect(await stack.db.emailTemplate.count({ where: { key: TEMPLATE_KEYS.slotBookedStudent } })).toBe(1);
    const tpl = await stack.db.emailTemplate.findUniqueOrThrow({ where: { key: TEMPLATE_KEYS.slotBookedStudent } });
    expect((await call(admin, 'DELETE', `/api/email-templates/${tpl.id}`)).status).toBe(409);
    expect((await call(admin, 'PATCH', `/api/email-templates/${tpl.id}`, { isActive: false })).status).toBe(409);
    // Staff edit the HTML (the text the link tests read stays as it was).
    const edited = await call(admin, 'PATCH', `/api/email-templates/${tpl.id}`, { htmlBody: `${tpl.htmlBody}\n<p>See you soon.</p>` });
    expect(edited.status).toBe(200);

    const { slot, student } = await createMentorWithSlot(stack.db, { startedMinutesAgo: -24 * 60 });
    const acts = createNotificationActivities({ db: stack.db, email: stack.deps.email, logger: createLogger('silent'), now: () => new Date(), notifications: TEST_NOTIFICATIONS });
    expect(await acts.sendSlotBookedEmail({ slotId: slot.id, recipient: 'student' })).toMatchObject({ outcome: 'sent' });
    const row = await stack.db.emailSent.findFirstOrThrow({ where: { userId: student.id, emailType: 'slot-booked' } });
    expect(row).toMatchObject({ status: 'SENT', templateKey: TEMPLATE_KEYS.slotBookedStudent });
    expect(row.templateVersion).toBeGreaterThanOrEqual(edited.body.version as number);
    const res = await fetch(`${stack.emailSim.origin}/_sim/messages?to=${encodeURIComponent(student.email)}`);
    const { items } = (await res.json()) as { items: { html?: string; text: string }[] };
    expect(items.at(-1)!.text).toMatch(/Join the meeting: http:\/\/web\.test\/meeting-actions\//);
    expect(items.at(-1)!.html).toContain('See you soon.');
  });
});
