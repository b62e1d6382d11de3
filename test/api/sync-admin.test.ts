// The sync admin api on the real stack: credentials sealed at rest (the secret appears nowhere in
// the table, the answers or the logs), checked before saving (422, nothing written), rotated and
// re-sealed under a new KEK; configs whose every change shows in their Schedule (spec, pause and
// note, trigger, backfill), bad input refused with 400 problem+json, parallel changes leaving the
// Schedule as the last committed row says, and reconcileSyncSchedules repairing drift and
// tolerating two callers at once.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncScheduleId } from '../../domain/sync/systems.js';
import { createLogger } from '../../infra/logger.js';
import { MRLEARN_SIM_CLIENT, startMrLearnSimulator, type MrLearnSimulator } from '../../providers/mrlearn/simulator.js';
import { resealSyncCredentials } from '../../services/sync/credentials-reseal.js';
import { openSyncApi } from '../../services/sync/credentials.js';
import { reconcileSyncSchedules } from '../../services/sync/schedules.js';
import { DEV_SYNC_KEK } from '../../services/sync/settings.js';
import { apiCaller, createUser } from '../support/auth.js';
import { startTestStack, type TestStack } from '../support/stack.js';

const SECRET = MRLEARN_SIM_CLIENT.clientSecret;
let sim: MrLearnSimulator;
let stack: TestStack;
let call: ReturnType<typeof apiCaller>;
let admin: string;
const logLines: string[] = [];

beforeAll(async () => {
  sim = await startMrLearnSimulator({ learners: 100, courses: 5 });
  const logger = createLogger('debug', 'test', { write: (line: string) => void logLines.push(line) } as never);
  stack = await startTestStack({ worker: false, logger, config: { sync: { allowHttpBaseUrl: true, backoffBaseMs: 5 } } });
  call = apiCaller(stack);
  admin = (await createUser(stack, 'ADMIN')).accessToken;
}, 60_000);
afterAll(async () => {
  await stack?.close();
  await sim?.close();
});

const schedule = (configId: string) => stack.temporal.schedule.getHandle(syncScheduleId('mrlearn', configId)).describe();
let n = 0;
async function credentials() {
  const res = await call(admin, 'POST', '/api/admin/sync/mrlearn/credentials', { name: `tenant ${++n}`, baseUrl: sim.baseUrl, clientId: MRLEARN_SIM_CLIENT.clientId, clientSecret: SECRET });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

describe('sync credentials', () => {
  it('are checked, sealed, and never shown: the secret is nowhere in the table, the answers or the logs', async () => {
    const res = await call(admin, 'POST', '/api/admin/sync/mrlearn/credentials', { name: 'sealed tenant', baseUrl: `${sim.baseUrl}/`, clientId: MRLEARN_SIM_CLIENT.clientId, clientSecret: SECRET });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: 'sealed tenant', baseUrl: sim.baseUrl, encryptionKeyId: 'dev-sync', hasAccessToken: true, isActive: true });
    expect(JSON.stringify(res.body)).not.toContain(SECRET);
    const dump = await stack.db.$queryRawUnsafe<{ t: string }[]>('SELECT row_to_json(c)::text AS t FROM "mrlearn"."auth_credentials" c WHERE "id" = $1::uuid', res.body.id);
    expect(dump[0]!.t).not.toContain(SECRET);
    expect(dump[0]!.t).not.toContain('tok_');
    const list = await call(admin, 'GET', '/api/admin/sync/mrlearn/credentials');
    expect(JSON.stringify(list.body)).not.toContain(SECRET);
    expect(logLines.join('\n')).not.toContain(SECRET);
    // The row opens only as itself: its ciphertext copied onto another row does not.
    const other = await credentials();
    const row = await stack.db.mrLearnAuthCredentials.findUniqueOrThrow({ where: { id: res.body.id } });
    await stack.db.mrLearnAuthCredentials.update({ where: { id: other }, data: { secretCiphertext: row.secretCiphertext, secretIv: row.secretIv, secretAuthTag: row.secretAuthTag } });
    await expect(openSyncApi(stack.deps, 'mrlearn', other)).rejects.toThrow(/do not open/);
  });

  it('a secret the learning system refuses is a 422 and nothing is written', async () => {
    const before = await stack.db.mrLearnAuthCredentials.count();
    const res = await call(admin, 'POST', '/api/admin/sync/mrlearn/credentials', { name: 'wrong', baseUrl: sim.baseUrl, clientId: MRLEARN_SIM_CLIENT.clientId, clientSecret: 'definitely-wrong' });
    expect(res.status).toBe(422);
    expect(res.body.detail).toMatch(/refused the client \(401 invalid_client\): nothing was saved/);
    expect(await stack.db.mrLearnAuthCredentials.count()).toBe(before);
    expect(logLines.join('\n')).not.toContain('definitely-wrong');
  });

  it('refuses bad input with 400 problem+json, a taken name with 409', async () => {
    for (const body of [{}, { name: 'x', baseUrl: 'nope', clientId: 'a', clientSecret: 'short' }, { name: 'x', baseUrl: sim.baseUrl, clientId: 'a', clientSecret: SECRET, extra: 1 }]) {
      const res = await stack.app.request(new Request('http://test/api/admin/sync/mrlearn/credentials', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` }, body: JSON.stringify(body) }));
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
    expect((await call(admin, 'POST', '/api/admin/sync/nosuch/credentials', { name: 'x', baseUrl: sim.baseUrl, clientId: 'a', clientSecret: SECRET })).status).toBe(400);
    expect((await call(admin, 'POST', '/api/admin/sync/mrlearn/credentials', { name: 'sealed tenant', baseUrl: sim.baseUrl, clientId: MRLEARN_SIM_CLIENT.clientId, clientSecret: SECRET })).status).toBe(409);
    expect((await call(admin, 'GET', '/api/admin/sync/mrlearn/credentials/6b3d8f0e-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('the reseal moves every row to a new KEK, and rows still open afterwards', async () => {
    const id = await credentials();
    // The rows so far are under the development KEK ("dev-sync"); list it beside a new active one.
    const devKey = createHash('sha256').update(DEV_SYNC_KEK.phrase).digest('hex');
    const rotated = { ...stack.deps, config: { ...stack.deps.config, sync: { ...stack.deps.config.sync, keks: `dev-sync:${devKey},k2:${Buffer.alloc(32, 2).toString('hex')}`, activeKekId: 'k2' } } };
    const result = await resealSyncCredentials(rotated, { batchSize: 2 });
    expect(result.activeKekId).toBe('k2');
    expect(result.resealed).toBeGreaterThanOrEqual(2);
    const bad = result.failed.map((f) => f.id);
    const row = await stack.db.mrLearnAuthCredentials.findUniqueOrThrow({ where: { id } });
    expect(row.encryptionKeyId).toBe('k2');
    const api = await openSyncApi(rotated, 'mrlearn', id);
    expect((await api.page('/v1/courses', { limit: 2 })).data).toHaveLength(2);
    // Running it again changes nothing.
    const again = await resealSyncCredentials(rotated);
    expect(again.resealed).toBe(0);
    expect(again.failed.map((f) => f.id)).toEqual(bad);
  });
});

describe('sync configs and their Schedules', () => {
  it('create, update (interval → cron), pause with a note, unpause: each shows in the Schedule', async () => {
    const creds = await credentials();
    const created = await call(admin, 'POST', '/api/admin/sync/mrlearn/configs', { name: 'hourly', authCredentialsId: creds, intervalMinutes: 60 });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect(created.body).toMatchObject({ scheduleId: `sync/mrlearn/${id}`, enabled: true, intervalMinutes: 60, resources: ['courses', 'learners', 'learner_reports'] });
    let s = await schedule(id);
    expect(s.spec.intervals?.[0]?.every).toBe(3_600_000);
    expect(s.policies).toMatchObject({ overlap: 'SKIP', pauseOnFailure: true, catchupWindow: 3_600_000 });
    expect(s.action).toMatchObject({ type: 'startWorkflow', workflowType: 'mrLearnSync', taskQueue: stack.taskQueue, args: [{ system: 'mrlearn', configId: id }] });
    expect(s.state.paused).toBe(false);

    const cron = await call(admin, 'PATCH', `/api/admin/sync/mrlearn/configs/${id}`, { cronExpression: '30 2 * * *', timezone: 'Asia/Kolkata', resources: ['learners', 'courses'] });
    expect(cron.status).toBe(200);
    expect(cron.body).toMatchObject({ cronExpression: '30 2 * * *', intervalMinutes: null, resources: ['courses', 'learners'] });
    s = await schedule(id);
    expect(s.spec.intervals ?? []).toEqual([]);
    expect(s.spec.timezone).toBe('Asia/Kolkata');
    expect(s.spec.calendars?.length).toBeGreaterThan(0);

    const paused = await call(admin, 'POST', `/api/admin/sync/mrlearn/configs/${id}/pause`, { note: 'vendor maintenance until Friday' });
    expect(paused.body.enabled).toBe(false);
    s = await schedule(id);
    expect(s.state).toMatchObject({ paused: true, note: 'Paused: vendor maintenance until Friday' });
    expect((await call(admin, 'POST', `/api/admin/sync/mrlearn/configs/${id}/trigger`, {})).status).toBe(409);
    expect((await call(admin, 'POST', `/api/admin/sync/mrlearn/configs/${id}/backfill`, { from: new Date(Date.now() - 86_400_000).toISOString(), to: new Date().toISOString() })).status).toBe(409);
    const unpaused = await call(admin, 'POST', `/api/admin/sync/mrlearn/configs/${id}/unpause`, { note: 'back' });
    expect(unpaused.body.enabled).toBe(true);
    const detail = await call(admin, 'GET', `/api/admin/sync/mrlearn/configs/${id}`);
    expect(detail.body.schedule).toMatchObject({ paused: false, note: 'Unpaused: back' });
    expect(detail.body.schedule.nextActionTimes.length).toBeGreaterThan(0);
  });

  it('trigger and backfill show in the Schedule’s actions', async () => {
    const creds = await credentials();
    const id = (await call(admin, 'POST', '/api/admin/sync/mrlearn/configs', { name: 'every 5', authCredentialsId: creds, intervalMinutes: 5 })).body.id as string;
    const t = await call(admin, 'POST', `/api/admin/sync/mrlearn/configs/${id}/trigger`, { full: true });
    expect(t.status).toBe(202);
    expect(t.body).toMatchObject({ full: true, scheduleId: `sync/mrlearn/${id}` });
    let s = await schedule(id);
    expect(s.info.recentActions).toHaveLength(1);
    expect(s.info.recentActions[0]!.action.workflow.workflowId.startsWith(`sync/mrlearn/${id}-`)).toBe(true);
    // No worker runs here, so that run stays open: a second trigger is refused.
    expect((await call(admin, 'POST', `/api/admin/sync/mrlearn/configs/${id}/trigger`, {})).status).toBe(409);
    await stack.temporal.workflow.getHandle(s.info.recentActions[0]!.action.workflow.workflowId).terminate('test');
    const from = new Date(Date.now() - 30 * 60_000);
    const b = await call(admin, 'POST', `/api/admin/sync/mrlearn/configs/${id}/backfill`, { from: from.toISOString(), to: new Date(from.getTime() + 16 * 60_000).toISOString() });
    expect(b.status).toBe(202);
    s = await schedule(id);
    // The first backfilled action starts; the others wait behind it (BUFFER_ALL).
    expect(s.info.recentActions.length).toBeGreaterThanOrEqual(2);
    const bad = await call(admin, 'POST', `/api/admin/sync/mrlearn/configs/${id}/backfill`, { from: new Date().toISOString(), to: new Date(Date.now() - 1000).toISOString() });
    expect(bad.status).toBe(400);
    const tooLong = await call(admin, 'POST', `/api/admin/sync/mrlearn/configs/${id}/backfill`, { from: new Date(Date.now() - 40 * 86_400_000).toISOString(), to: new Date().toISOString() });
    expect(tooLong.status).toBe(400);
  });

  it('refuses a bad cron, time zone, resource or credentials', async () => {
    const creds = await credentials();
    const cases: [unknown, number][] = [
      [{ name: 'c1', authCredentialsId: creds, cronExpression: 'every day at 3' }, 400],
      [{ name: 'c2', authCredentialsId: creds, intervalMinutes: 60, timezone: 'Mars/Olympus' }, 400],
      [{ name: 'c3', authCredentialsId: creds, intervalMinutes: 60, resources: ['exams'] }, 400],
      [{ name: 'c4', authCredentialsId: creds, intervalMinutes: 2 }, 400],
      [{ name: 'c5', authCredentialsId: '6b3d8f0e-0000-4000-8000-000000000000', intervalMinutes: 60 }, 422],
    ];
    for (const [body, status] of cases) expect((await call(admin, 'POST', '/api/admin/sync/mrlearn/configs', body)).status).toBe(status);
    expect(await stack.db.mrLearnSyncConfig.count({ where: { name: { in: ['c1', 'c2', 'c3', 'c4', 'c5'] } } })).toBe(0);
  });

  it('parallel changes to one config serialise: the Schedule ends as the last committed row says', async () => {
    const creds = await credentials();
    const id = (await call(admin, 'POST', '/api/admin/sync/mrlearn/configs', { name: 'contended', authCredentialsId: creds, intervalMinutes: 60 })).body.id as string;
    const answers = await Promise.all([15, 20, 25, 30, 35, 40].map((m) => call(admin, 'PATCH', `/api/admin/sync/mrlearn/configs/${id}`, { intervalMinutes: m })));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200]);
    const row = await stack.db.mrLearnSyncConfig.findUniqueOrThrow({ where: { id } });
    expect((await schedule(id)).spec.intervals?.[0]?.every).toBe(row.intervalMinutes! * 60_000);
  });

  it('reconcileSyncSchedules recreates a lost Schedule, repairs drift, deletes orphans, and two callers at once both succeed', async () => {
    const creds = await credentials();
    const id = (await call(admin, 'POST', '/api/admin/sync/mrlearn/configs', { name: 'drifted', authCredentialsId: creds, intervalMinutes: 60 })).body.id as string;
    const lost = (await call(admin, 'POST', '/api/admin/sync/mrlearn/configs', { name: 'lost', authCredentialsId: creds, intervalMinutes: 60 })).body.id as string;
    await stack.temporal.schedule.getHandle(syncScheduleId('mrlearn', lost)).delete();
    await stack.temporal.schedule.getHandle(syncScheduleId('mrlearn', id)).pause('someone paused it in the UI');
    const orphan = '6b3d8f0e-0000-4000-8000-00000000abcd';
    await stack.temporal.schedule.create({ scheduleId: syncScheduleId('mrlearn', orphan), spec: { intervals: [{ every: '1 hour' }] }, action: { type: 'startWorkflow', workflowType: 'mrLearnSync', args: [{}], taskQueue: stack.taskQueue } });
    const [a, b] = await Promise.all([reconcileSyncSchedules(stack.deps), reconcileSyncSchedules(stack.deps)]);
    expect([...a.failed, ...b.failed]).toEqual([]);
    expect(a.created + b.created).toBeGreaterThanOrEqual(1);
    expect((await schedule(lost)).state.paused).toBe(false);
    expect((await schedule(id)).state.paused).toBe(false);
    await expect(stack.temporal.schedule.getHandle(syncScheduleId('mrlearn', orphan)).describe()).rejects.toThrow();
    const third = await reconcileSyncSchedules(stack.deps);
    expect(third).toMatchObject({ created: 0, updated: 0, deleted: 0, failed: [] });
  });
});
