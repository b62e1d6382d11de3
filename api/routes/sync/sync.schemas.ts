import { z } from '@hono/zod-openapi';
import { SYNC_SYSTEMS } from '../../../domain/sync/systems.js';
import { SYNC_TRIGGERS } from '../../../domain/sync/trigger-attribution.js';
import { PageQuery, pageSchema } from '../../pagination.js';

const System = z.enum(SYNC_SYSTEMS).openapi({ param: { name: 'system', in: 'path' }, description: 'mrlearn (Mr Learn) or mrtest (Mr Test)' });
export const SystemParams = z.object({ system: System });
export const SystemIdParams = z.object({ system: System, id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });

const Name = z.string().trim().min(1).max(200);
const BaseUrl = z.string().trim().min(8).max(2000).openapi({ example: 'http://127.0.0.1:4090', description: 'The API root (https in production)' });
const ClientId = z.string().trim().min(1).max(200);
const ClientSecret = z.string().min(8).max(4096).openapi({ description: 'Sealed with AES-256-GCM on save; never returned' });

export const CreateCredentialsBody = z.object({ name: Name, baseUrl: BaseUrl, clientId: ClientId, clientSecret: ClientSecret }).strict().openapi('CreateSyncCredentialsRequest');
export const UpdateCredentialsBody = z
  .object({ name: Name.optional(), baseUrl: BaseUrl.optional(), clientId: ClientId.optional(), clientSecret: ClientSecret.optional(), isActive: z.boolean().optional() })
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: 'change at least one field' })
  .openapi('UpdateSyncCredentialsRequest');

export const CredentialsView = z
  .object({
    id: z.uuid(),
    system: z.enum(SYNC_SYSTEMS),
    name: z.string(),
    baseUrl: z.string(),
    clientId: z.string(),
    encryptionKeyId: z.string().openapi({ description: 'The KEK that sealed the secret and token' }),
    hasAccessToken: z.boolean(),
    tokenExpiresAt: z.string().nullable(),
    isActive: z.boolean(),
    lastAuthenticatedAt: z.string().nullable(),
    lastAuthError: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('SyncCredentials');
export const CredentialsPage = pageSchema(CredentialsView).openapi('SyncCredentialsPage');

const Resources = z.array(z.string().min(1).max(50)).max(10).openapi({ description: 'Default: every resource (Mr Learn: courses, learners, learner_reports; Mr Test: online_exams, students, submissions, submission_reports)' });
const IntervalMinutes = z.number().int().min(5).max(10_080).nullable().openapi({ description: 'Run every N minutes (used when there is no cron)' });
const Cron = z.string().trim().min(9).max(100).nullable().openapi({ example: '30 2 * * *', description: 'Five-field cron in `timezone`; wins over intervalMinutes' });
const Timezone = z.string().trim().min(1).max(64).openapi({ example: 'Asia/Kolkata' });

export const CreateConfigBody = z
  .object({ name: Name, authCredentialsId: z.uuid(), resources: Resources.optional(), intervalMinutes: IntervalMinutes.optional(), cronExpression: Cron.optional(), timezone: Timezone.optional(), enabled: z.boolean().optional() })
  .strict()
  .openapi('CreateSyncConfigRequest');
export const UpdateConfigBody = z
  .object({ name: Name.optional(), authCredentialsId: z.uuid().optional(), resources: Resources.optional(), intervalMinutes: IntervalMinutes.optional(), cronExpression: Cron.optional(), timezone: Timezone.optional() })
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: 'change at least one field' })
  .openapi('UpdateSyncConfigRequest');
export const NoteBody = z.object({ note: z.string().trim().min(1).max(500).openapi({ description: 'Shown on the Schedule in the Web UI' }) }).strict().openapi('SyncPauseRequest');
export const TriggerBody = z.object({ full: z.boolean().optional().openapi({ description: 'Forget the watermarks first: read every row again' }) }).strict().openapi('SyncTriggerRequest');
export const BackfillBody = z.object({ from: z.iso.datetime({ offset: true }), to: z.iso.datetime({ offset: true }) }).strict().openapi('SyncBackfillRequest');

const ScheduleView = z
  .object({
    paused: z.boolean(),
    note: z.string().nullable(),
    nextActionTimes: z.array(z.string()),
    recentActions: z.array(z.object({ scheduledAt: z.string(), takenAt: z.string(), workflowId: z.string() })),
    runningWorkflowIds: z.array(z.string()),
  })
  .openapi('SyncSchedule');

const configShape = {
  id: z.uuid(),
  system: z.enum(SYNC_SYSTEMS),
  name: z.string(),
  authCredentialsId: z.uuid(),
  resources: z.array(z.string()),
  enabled: z.boolean().openapi({ description: 'false = paused (the Schedule is paused too)' }),
  intervalMinutes: z.number().int().nullable(),
  cronExpression: z.string().nullable(),
  timezone: z.string(),
  watermarks: z.record(z.string(), z.string()).openapi({ description: 'Per resource, the newest updated_at seen: the next run asks for rows changed after it' }),
  lastRunAt: z.string().nullable(),
  lastSuccessAt: z.string().nullable(),
  lockedUntil: z.string().nullable(),
  scheduleId: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
};
export const ConfigView = z.object(configShape).openapi('SyncConfig');
export const ConfigDetailView = z.object({ ...configShape, schedule: ScheduleView.nullable() }).openapi('SyncConfigDetail');
export const ConfigPage = pageSchema(ConfigView).openapi('SyncConfigPage');
export const TriggerView = z.object({ config: ConfigView, full: z.boolean(), scheduleId: z.string() }).openapi('SyncTriggered');

export const RunView = z
  .object({
    id: z.uuid(),
    system: z.enum(SYNC_SYSTEMS),
    syncConfigId: z.uuid(),
    trigger: z.enum(SYNC_TRIGGERS).openapi({ description: 'SCHEDULED (the Schedule), MANUAL (POST …/trigger), BACKFILL (POST …/backfill); triggeredById is who asked' }),
    triggeredById: z.uuid().nullable(),
    status: z.string(),
    mode: z.string().nullable().openapi({ description: 'full or incremental' }),
    workflowId: z.string().nullable(),
    fetched: z.number().int(),
    inserted: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    failed: z.number().int(),
    resources: z.record(z.string(), z.unknown()).openapi({ description: 'Per resource: counts, pages, cursor, done' }),
    errors: z.array(z.unknown()).openapi({ description: 'A sample of rows that failed, and why' }),
    startCursor: z.string().nullable(),
    endCursor: z.string().nullable(),
    error: z.string().nullable(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    durationMs: z.number().int().nullable(),
    createdAt: z.string(),
  })
  .openapi('SyncRun');
export const RunPage = pageSchema(RunView).openapi('SyncRunPage');
export const RunsQuery = PageQuery.extend({ configId: z.uuid().optional() });
export { PageQuery };
