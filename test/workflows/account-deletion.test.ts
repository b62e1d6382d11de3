// Account deletion on the real dev server: a request deactivates at once, the durable timer
// purges after the grace period by anonymising (ledgers and audit rows stay, PII goes), a cancel
// inside the grace restores the account, and a worker killed right after the purge committed
// leaves nothing wrong behind.
import { writeFileSync } from 'node:fs';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workflowIds } from '../../domain/ids.js';
import { newOpaqueToken, sha256 } from '../../infra/auth/opaque-tokens.js';
import { anonymisedEmail, purgeAccount } from '../../services/identity/account-purge.js';
import { bearerHeader, createStudent, createUser, json, TEST_PASSWORD } from '../support/auth.js';
import { runCrashingWorker } from '../support/crashing-worker.js';
import { until } from '../support/poll.js';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ config: { accountDeletionGraceSeconds: 3 } });
});
afterAll(() => stack.close());

const post = (path: string, body: unknown, token?: string) => stack.app.request(json('POST', path, body, token ? bearerHeader(token) : {}));
const requestDeletion = (token: string, password = TEST_PASSWORD) => post('/api/me/account/deletion', { password }, token);
const login = (email: string, password = TEST_PASSWORD) => post('/api/auth/login', { email, password });
const grace = (seconds: number) => {
  stack.deps.config.accountDeletionGraceSeconds = seconds;
};

async function cancelToken(to: string): Promise<string> {
  const [mail] = await stack.emailSim.waitFor({ to, subject: 'Your MAS account will be deleted' });
  const m = /http:\/\/web\.test\/cancel-account-deletion\?token=([A-Za-z0-9_-]{43})/.exec(mail!.text);
  expect(m, mail!.text).not.toBeNull();
  // The hash is stored in the transaction that marks the email SENT, just after the relay took it.
  await until(() => stack.db.accountDeletion.count({ where: { cancelTokenHash: sha256(m![1]!) } }), (n) => n === 1);
  return m![1]!;
}

/** A user with a session, a wallet, ledger rows, audit rows and purely personal rows. */
async function richUser() {
  const s = await createStudent(stack, { paid: 5, promo: 1 });
  const phone = `+9198${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  const session = (await (await login(s.email)).json()) as { accessToken: string; refreshToken: string };
  await stack.db.user.update({ where: { id: s.user.id }, data: { phone, name: 'Asha Rao' } });
  await stack.db.tokenUsage.create({ data: { userId: s.user.id, type: 'PURCHASE', amount: 5, balanceAfter: 5, description: 'test purchase', idempotencyKey: `test-purchase:${s.user.id}` } });
  await stack.db.notification.create({ data: { userId: s.user.id, title: 'Hello', message: 'A personal note' } });
  await stack.db.studentProfile.create({ data: { userId: s.user.id, city: 'Pune', linkedinUrl: 'https://linkedin.example/asha', bio: 'About me', skills: ['SQL'], xpTotal: 40 } });
  await stack.db.commsPreference.createMany({
    data: [
      { channel: 'EMAIL', address: s.email, userId: s.user.id, unsubscribeToken: `t-${s.user.id}-1`, unsubscribedAt: new Date(), unsubscribeSource: 'link' },
      { channel: 'WHATSAPP', address: phone, userId: s.user.id, unsubscribeToken: `t-${s.user.id}-2`, quietStartMin: 1_260, quietEndMin: 540, timezone: 'Asia/Kolkata' },
    ],
  });
  return { ...s, session };
}

describe('account deletion', () => {
  it('deactivates at once, then purges after the grace: PII gone, ledgers and audit rows kept', async () => {
    grace(3);
    const u = await richUser();
    expect((await requestDeletion(u.session.accessToken, 'wrong-password-123')).status).toBe(401);
    const res = await requestDeletion(u.session.accessToken);
    expect(res.status).toBe(202);
    const body = (await res.json()) as { deletionId: string; status: string; workflowId: string; purgeAfter: string };
    expect(body).toMatchObject({ status: 'PENDING', workflowId: `account-deletion/${u.user.id}` });

    // Deactivated at once: the access token, the refresh token and a new login all fail.
    expect((await stack.app.request(json('GET', '/api/me', undefined, bearerHeader(u.session.accessToken)))).status).toBe(401);
    expect((await post('/api/auth/refresh', { refreshToken: u.session.refreshToken })).status).toBe(401);
    expect((await login(u.email)).status).toBe(401);
    expect((await stack.db.refreshToken.findFirstOrThrow({ where: { tokenHash: sha256(u.session.refreshToken) } })).revokeReason).toBe('account-deletion');
    await cancelToken(u.email);

    const handle = stack.temporal.workflow.getHandle(workflowIds.accountDeletion(u.user.id));
    expect(await handle.result()).toBe('purged');
    if (process.env.RECORD_HISTORIES === '1') writeFileSync('test/replay/histories/account-deletion-purged.json', historyToJSON(await handle.fetchHistory()));

    const id = u.user.id;
    const user = await stack.db.user.findUniqueOrThrow({ where: { id }, omit: { password: false } });
    expect(user).toMatchObject({ email: anonymisedEmail(id), name: 'Deleted user', phone: null, password: null, isActive: false });
    expect(await stack.db.user.count({ where: { email: u.email } })).toBe(0);
    expect(await stack.db.accountDeletion.findUniqueOrThrow({ where: { id: body.deletionId } })).toMatchObject({ status: 'PURGED', cancelTokenHash: null });
    // Ledgers stay, whole.
    expect(await stack.db.tokenUsage.count({ where: { userId: id } })).toBe(1);
    expect((await stack.db.token.findUniqueOrThrow({ where: { userId: id } })).balance).toBe(5);
    // Audit rows stay, with the address replaced.
    const logs = await stack.db.loginLog.findMany({ where: { userId: id } });
    expect(logs.map((l) => l.action)).toEqual(expect.arrayContaining(['LOGIN', 'ACCOUNT_DELETION_REQUESTED']));
    expect(logs.every((l) => l.email === null || l.email === anonymisedEmail(id))).toBe(true);
    const mails = await stack.db.emailSent.findMany({ where: { userId: id } });
    expect(mails.length).toBe(1);
    expect(mails[0]!.toEmail).toBe(anonymisedEmail(id));
    expect(await stack.db.loginLog.count({ where: { email: u.email } })).toBe(0);
    // Purely personal rows are gone; the learner profile keeps its points, not its PII.
    expect(await stack.db.refreshToken.count({ where: { userId: id } })).toBe(0);
    expect(await stack.db.notification.count({ where: { userId: id } })).toBe(0);
    expect(await stack.db.studentProfile.findUniqueOrThrow({ where: { userId: id } })).toMatchObject({ city: null, linkedinUrl: null, bio: null, skills: [], xpTotal: 40 });
    // The unsubscribe survives as a suppression entry, detached; the quiet-hours preference is gone.
    const prefs = await stack.db.commsPreference.findMany({ where: { unsubscribeToken: { startsWith: `t-${id}` } } });
    expect(prefs.map((p) => [p.channel, p.userId, p.unsubscribedAt !== null])).toEqual([['EMAIL', null, true]]);
    // The address is free again.
    expect((await post('/api/auth/signup', { email: u.email, password: 'brand-New-Password-7', name: 'Asha again' })).status).toBe(201);
  });

  it('the emailed link cancels inside the grace and restores the account; it works once', async () => {
    grace(60);
    const u = await richUser();
    expect((await requestDeletion(u.session.accessToken)).status).toBe(202);
    expect((await login(u.email)).status).toBe(401);
    const token = await cancelToken(u.email);
    const res = await post('/api/auth/account-deletion/cancel', { token });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'CANCELLED' });
    const handle = stack.temporal.workflow.getHandle(workflowIds.accountDeletion(u.user.id));
    expect(await handle.result()).toBe('cancelled');
    if (process.env.RECORD_HISTORIES === '1') writeFileSync('test/replay/histories/account-deletion-cancelled.json', historyToJSON(await handle.fetchHistory()));
    expect((await login(u.email)).status).toBe(200);
    expect(await stack.db.user.findUniqueOrThrow({ where: { id: u.user.id } })).toMatchObject({ email: u.email, name: 'Asha Rao', isActive: true });
    expect(await stack.db.notification.count({ where: { userId: u.user.id } })).toBe(1);
    const again = await post('/api/auth/account-deletion/cancel', { token });
    expect(again.status).toBe(410);
    expect(again.headers.get('content-type')).toContain('application/problem+json');
    expect((await post('/api/auth/account-deletion/cancel', { token: 'nope' })).status).toBe(400);
    // The restored account may ask again: a new run under the same workflow id.
    const fresh = (await (await login(u.email)).json()) as { accessToken: string };
    expect((await requestDeletion(fresh.accessToken)).status).toBe(202);
    await cancelToken(u.email).catch(() => undefined);
    const admin = await createUser(stack, 'ADMIN');
    expect((await post(`/api/admin/users/${u.user.id}/deletion/cancel`, undefined, admin.accessToken)).status).toBe(200);
    expect(await handle.result()).toBe('cancelled');
  });

  it('an admin can cancel; others cannot; no pending deletion is 404', async () => {
    grace(60);
    const u = await createUser(stack);
    const other = await createUser(stack);
    const admin = await createUser(stack, 'ADMIN');
    expect((await post(`/api/admin/users/${u.user.id}/deletion/cancel`, undefined, admin.accessToken)).status).toBe(404);
    expect((await requestDeletion(u.accessToken)).status).toBe(202);
    expect((await post(`/api/admin/users/${u.user.id}/deletion/cancel`, undefined, other.accessToken)).status).toBe(403);
    const res = await post(`/api/admin/users/${u.user.id}/deletion/cancel`, undefined, admin.accessToken);
    expect(res.status).toBe(200);
    expect(await stack.db.accountDeletion.findFirstOrThrow({ where: { userId: u.user.id } })).toMatchObject({ status: 'CANCELLED', cancelledBy: `admin:${admin.user.id}` });
    expect(await stack.temporal.workflow.getHandle(workflowIds.accountDeletion(u.user.id)).result()).toBe('cancelled');
    expect((await login(u.email)).status).toBe(200);
  });

  it('refuses a bad body with a 400 problem and changes nothing', async () => {
    const u = await createUser(stack);
    for (const body of [{}, { password: '' }, { password: 'x'.repeat(10_000) }, { password: TEST_PASSWORD, extra: true }]) {
      const res = await post('/api/me/account/deletion', body, u.accessToken);
      expect(res.status, JSON.stringify(body).slice(0, 40)).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
    expect((await stack.db.user.findUniqueOrThrow({ where: { id: u.user.id } })).isActive).toBe(true);
  });

  it('a cancel racing the purge: exactly one wins, and the purge never touches a restored account', async () => {
    for (let i = 0; i < 4; i++) {
      const u = await createUser(stack);
      await stack.db.user.update({ where: { id: u.user.id }, data: { isActive: false } });
      const { token, hash } = newOpaqueToken();
      const d = await stack.db.accountDeletion.create({ data: { userId: u.user.id, purgeAfter: new Date(), workflowId: `race-${i}`, cancelTokenHash: hash } });
      const [cancel, purge] = await Promise.all([post('/api/auth/account-deletion/cancel', { token }), purgeAccount(stack.db, { userId: u.user.id, deletionId: d.id }, new Date())]);
      const user = await stack.db.user.findUniqueOrThrow({ where: { id: u.user.id } });
      const final = await stack.db.accountDeletion.findUniqueOrThrow({ where: { id: d.id } });
      if (cancel.status === 200) {
        expect(purge.outcome).toBe('cancelled');
        expect(final.status).toBe('CANCELLED');
        expect(user).toMatchObject({ email: u.email, isActive: true });
      } else {
        expect(cancel.status).toBe(410);
        expect(purge.outcome).toBe('purged');
        expect(final.status).toBe('PURGED');
        expect(user).toMatchObject({ email: anonymisedEmail(u.user.id), isActive: false });
      }
    }
  });

  it('a worker killed right after the purge committed: the rerun changes nothing', async () => {
    grace(3);
    const u = await richUser();
    expect((await requestDeletion(u.session.accessToken)).status).toBe(202);
    await cancelToken(u.email);
    await stack.stopWorker();
    const crashing = runCrashingWorker(stack.taskQueue, 'purgeAccount');
    await crashing.ready;
    expect(await crashing.exited).toBe('SIGKILL');
    const purged = await stack.db.user.findUniqueOrThrow({ where: { id: u.user.id } });
    const deletion = await stack.db.accountDeletion.findFirstOrThrow({ where: { userId: u.user.id } });
    expect(deletion.status).toBe('PURGED');
    await stack.startWorker();
    expect(await stack.temporal.workflow.getHandle(workflowIds.accountDeletion(u.user.id)).result()).toBe('purged');
    expect(await stack.db.user.findUniqueOrThrow({ where: { id: u.user.id } })).toEqual(purged);
    expect(await stack.db.accountDeletion.findFirstOrThrow({ where: { userId: u.user.id } })).toEqual(deletion);
    expect(await stack.db.tokenUsage.count({ where: { userId: u.user.id } })).toBe(1);
    // And run by hand once more: the same answer, nothing changed.
    expect(await purgeAccount(stack.db, { userId: u.user.id, deletionId: deletion.id }, new Date())).toEqual({ outcome: 'already-purged' });
    expect(await stack.db.user.findUniqueOrThrow({ where: { id: u.user.id } })).toEqual(purged);
  }, 90_000);
});
