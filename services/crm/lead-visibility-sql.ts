// The lead visibility rule (see visibleLeadsWhere in lead-view.ts) as a SQL condition on a
// raw_leads row aliased `l`, for queries that join leads in raw SQL (enrollment lists, bulk
// operations): admins see all; a salesperson sees leads assigned to them, leads they own as
// sales head, and leads assigned to their team.
import { Prisma } from '../../prisma/generated/client.js';

export function leadVisibilitySql(role: string, userId: string | null): Prisma.Sql {
  if (role === 'ADMIN' || role === 'SUPERADMIN') return Prisma.sql`TRUE`;
  if (!userId) return Prisma.sql`FALSE`;
  return Prisma.sql`(l."assigned_to" = ${userId}::uuid OR l."owning_sales_head_id" = ${userId}::uuid
    OR l."assigned_to" IN (SELECT u."id" FROM "public"."users" u WHERE u."salesHeadId" = ${userId}::uuid))`;
}
