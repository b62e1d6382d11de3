// CRM activities. remindFollowUp is idempotent: a conditional update claims the reminder, so
// a retried activity notifies the assignee once.
import type { ActivityDeps } from './deps.js';

export function createCrmActivities({ db, now }: ActivityDeps) {
  return {
    async remindFollowUp({ followUpId }: { followUpId: string }): Promise<{ reminded: boolean }> {
      return db.$transaction(async (tx) => {
        const claimed = await tx.leadFollowUp.updateMany({ where: { id: followUpId, status: 'scheduled', reminderSentAt: null }, data: { reminderSentAt: now() } });
        if (!claimed.count) return { reminded: false };
        const f = await tx.leadFollowUp.findUniqueOrThrow({ where: { id: followUpId }, include: { rawLead: { select: { name: true } } } });
        if (f.assigneeId) {
          await tx.notification.create({
            data: {
              userId: f.assigneeId,
              type: 'REMINDER',
              title: `Follow up with ${f.rawLead.name}`,
              message: f.note ?? `A ${f.channel} follow-up is due now.`,
              actionUrl: `/crm/leads/${f.rawLeadId}`,
              data: { followUpId, rawLeadId: f.rawLeadId },
            },
          });
        }
        return { reminded: true };
      });
    },
  };
}

export type CrmActivities = ReturnType<typeof createCrmActivities>;
