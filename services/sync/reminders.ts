// Mr Learn inactivity reminders (system config `mrlearn.reminders`: enabled, inactiveDays,
// channel 'email'), run after each successful Mr Learn sync run for that run's sync config.
//
// Who: a learner of the config (not removed) who is a member of a batch (application
// BATCH_ALLOCATED or ENROLLED, active user) with an active map to a course of the config, matched
// as the progress views match (services/lms/mr-progress.ts: stored userId, else lower-cased email),
// with at least one incomplete report in a mapped course, and whose last activity over the
// reports in the mapped courses — lastActivityAt, or for a report never active the time it was
// first synced — is older than inactiveDays.
// How often: once per learner per period. Periods are inactiveDays-long windows counted from the
// Unix epoch (UTC); the key `inactive_<days>d:<learnerId>:<period start date>` is unique in
// mrlearn.reminder_logs, so a rerun (or a second sync run) in the same period sends nothing new.
// Log before send: the reminder_logs row is inserted PENDING first (a key that exists is skipped),
// then the email goes out through the template `mrlearn-inactive` and the claimed-email path
// (emails_sent), then the row is marked SENT or FAILED. A crash between the insert and the mark
// leaves the row PENDING and it is never sent again: at most once per period.
import { TEMPLATE_KEYS } from '../../domain/comms/default-templates.js';
import type { Db } from '../../infra/prisma.js';
import type { Logger } from '../../infra/logger.js';
import { Prisma } from '../../prisma/generated/client.js';
import type { EmailProvider } from '../../providers/email/interface.js';
import { MEMBER_STATUSES } from '../lms/batch-membership.js';
import { sendClaimedEmail } from '../notifications/claimed-email.js';
import { marketingGate, unsubscribeFooter, unsubscribeHeaders, withUnsubscribeFooterHtml } from '../notifications/comms-preferences.js';
import { renderTemplatedEmail } from '../notifications/email-templates.js';
import { DEFAULT_NOTIFICATIONS, type NotificationSettings } from '../notifications/slot-booked-email.js';
import { readConfig } from '../system-config/read-config.js';
import { isUniqueViolation } from '../../infra/prisma-errors.js';

export interface RemindersDeps {
  db: Db;
  email: EmailProvider;
  logger: Logger;
  now: () => Date;
  notifications?: NotificationSettings | undefined;
}

export interface RemindersInput {
  /** The Mr Learn sync config whose learners are looked at. */
  syncConfigId: string;
  /** Candidates per query (default 200). */
  pageSize?: number;
}

export interface RemindersResult {
  enabled: boolean;
  candidates: number;
  sent: number;
  failed: number;
  /** Candidates whose key already had a row this period (sent, failed or pending). */
  skipped: number;
  /** Unsubscribed from marketing email: never sent. */
  suppressed: number;
  /** In the learner's quiet hours: not logged, so a later run this period sends it. */
  deferred: number;
  periodStart: string | null;
}

const DAY_MS = 86_400_000;

/** The start (UTC midnight) of the inactiveDays-long period `now` falls in. */
export function reminderPeriodStart(now: Date, inactiveDays: number): Date {
  const days = Math.floor(now.getTime() / DAY_MS);
  return new Date((days - (days % inactiveDays)) * DAY_MS);
}

export const inactiveReminderKey = (inactiveDays: number, learnerId: string, periodStart: Date) => `inactive_${inactiveDays}d:${learnerId}:${periodStart.toISOString().slice(0, 10)}`;

interface Candidate {
  learnerId: string;
  userId: string;
  email: string;
  name: string;
  batchId: string;
  courseId: string;
  courseTitle: string;
  progressPercent: number;
  lastAt: Date;
}

/** One page of inactive learners after `after` (by learner id), one statement. */
function candidatesPage(db: Db, syncConfigId: string, threshold: Date, after: string | null, take: number) {
  return db.$queryRaw<Candidate[]>`
    WITH mp AS (
      SELECT DISTINCT "batchId", "mrLearnCourseId" FROM "public"."batch_mr_learn_courses" WHERE "isActive"
    ),
    mem AS (
      SELECT DISTINCT a."batchId", u."id" AS "userId", u."email", u."name", lower(u."email") AS "emailKey"
      FROM "public"."applications" a JOIN "public"."users" u ON u."id" = a."userId"
      WHERE a."status"::text = ANY(${MEMBER_STATUSES}::text[]) AND u."isActive" AND a."batchId" IN (SELECT "batchId" FROM mp)
    ),
    cand AS (
      SELECT l."id" AS "learnerId", mem."userId", mem."email", mem."name", mem."batchId", c."id" AS "courseId", c."title",
             r."progressPercent", COALESCE(r."lastActivityAt", r."createdAt") AS "lastAt",
             (r."completedAt" IS NULL AND r."progressPercent" < 100) AS "incomplete"
      FROM "mrlearn"."learners" l
      JOIN mem ON l."userId" = mem."userId" OR (l."userId" IS NULL AND l."email" = mem."emailKey")
      JOIN mp ON mp."batchId" = mem."batchId"
      JOIN "mrlearn"."courses" c ON c."syncConfigId" = l."syncConfigId" AND c."externalId" = mp."mrLearnCourseId" AND c."removedAt" IS NULL
      JOIN "mrlearn"."learner_reports" r ON r."learnerId" = l."id" AND r."courseId" = c."id"
      WHERE l."syncConfigId" = ${syncConfigId}::uuid AND l."removedAt" IS NULL
      ${after ? Prisma.sql`AND l."id" > ${after}::uuid` : Prisma.empty}
    )
    SELECT "learnerId",
           (array_agg("userId" ORDER BY "userId"))[1] AS "userId",
           (array_agg("email" ORDER BY "userId"))[1] AS "email",
           (array_agg("name" ORDER BY "userId"))[1] AS "name",
           (array_agg("batchId" ORDER BY "lastAt", "courseId") FILTER (WHERE "incomplete"))[1] AS "batchId",
           (array_agg("courseId" ORDER BY "lastAt", "courseId") FILTER (WHERE "incomplete"))[1] AS "courseId",
           (array_agg("title" ORDER BY "lastAt", "courseId") FILTER (WHERE "incomplete"))[1] AS "courseTitle",
           (array_agg("progressPercent"::float8 ORDER BY "lastAt", "courseId") FILTER (WHERE "incomplete"))[1] AS "progressPercent",
           max("lastAt") AS "lastAt"
    FROM cand
    GROUP BY "learnerId"
    HAVING bool_or("incomplete") AND max("lastAt") < (${threshold.toISOString()}::timestamptz AT TIME ZONE 'UTC')
    ORDER BY "learnerId"
    LIMIT ${take}`;
}

/** Sends this period's reminders for one sync config's inactive learners; `onPage` heartbeats. */
export async function sendMrLearnReminders(deps: RemindersDeps, input: RemindersInput, onPage?: (progress: RemindersResult & { after: string | null }) => void): Promise<RemindersResult> {
  const { db, logger } = deps;
  const settings = deps.notifications ?? DEFAULT_NOTIFICATIONS;
  const config = await readConfig(db, 'mrlearn.reminders');
  const result: RemindersResult = { enabled: config.enabled, candidates: 0, sent: 0, failed: 0, skipped: 0, suppressed: 0, deferred: 0, periodStart: null };
  if (!config.enabled) return result;
  const now = deps.now();
  const periodStart = reminderPeriodStart(now, config.inactiveDays);
  result.periodStart = periodStart.toISOString();
  const threshold = new Date(now.getTime() - config.inactiveDays * DAY_MS);
  const reminderType = `inactive_${config.inactiveDays}d`;
  const take = input.pageSize ?? 200;
  let after: string | null = null;
  for (;;) {
    const page = await candidatesPage(db, input.syncConfigId, threshold, after, take);
    for (const c of page) {
      result.candidates++;
      const dedupeKey = inactiveReminderKey(config.inactiveDays, c.learnerId, periodStart);
      // Marketing: an unsubscribed learner gets none; one in quiet hours gets it from a later run this period.
      const gate = await marketingGate(deps, { channel: 'EMAIL', address: c.email, userId: c.userId });
      if (gate.kind !== 'send') {
        result[gate.kind === 'quiet' ? 'deferred' : 'suppressed']++;
        continue;
      }
      let logId: string;
      try {
        ({ id: logId } = await db.mrLearnReminderLog.create({
          data: { learnerId: c.learnerId, courseId: c.courseId, batchId: c.batchId, reminderType, channel: 'EMAIL', recipient: c.email, status: 'PENDING', dedupeKey },
          select: { id: true },
        }));
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
        result.skipped++;
        continue;
      }
      try {
        const content = await renderTemplatedEmail(db, TEMPLATE_KEYS.mrLearnInactive, {
          name: c.name,
          days: String(config.inactiveDays),
          course: c.courseTitle,
          progress: String(Math.round(c.progressPercent)),
          link: `${settings.publicWebUrl}/batches/${c.batchId}/learning`,
        });
        const sent = await sendClaimedEmail(deps, {
          dedupeKey: `mrlearn-reminder:${dedupeKey}`,
          emailType: 'MRLEARN_INACTIVITY_REMINDER',
          userId: c.userId,
          to: c.email,
          from: settings.emailFrom,
          subject: content.subject,
          text: content.text + unsubscribeFooter(settings.publicApiUrl, gate.unsubscribeToken),
          html: withUnsubscribeFooterHtml(content.html, settings.publicApiUrl, gate.unsubscribeToken),
          templateKey: content.templateKey,
          templateVersion: content.templateVersion,
          headers: unsubscribeHeaders(settings.publicApiUrl, gate.unsubscribeToken),
          metadata: { learnerId: c.learnerId, batchId: c.batchId, courseId: c.courseId, reminderType, lastActivityAt: c.lastAt.toISOString() },
        });
        await db.mrLearnReminderLog.update({ where: { id: logId }, data: { status: 'SENT', providerMessageId: sent.messageId, sentAt: deps.now() } });
        result.sent++;
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        logger.warn({ learnerId: c.learnerId, dedupeKey, err: message }, 'Mr Learn reminder failed');
        await db.mrLearnReminderLog.update({ where: { id: logId }, data: { status: 'FAILED', error: message.slice(0, 1000) } });
        result.failed++;
      }
    }
    after = page.length ? page[page.length - 1]!.learnerId : after;
    onPage?.({ ...result, after });
    if (page.length < take) break;
  }
  logger.info({ syncConfigId: input.syncConfigId, ...result }, 'Mr Learn reminders done');
  return result;
}
