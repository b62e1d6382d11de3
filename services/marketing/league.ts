// League registrations (public.league_registrations): the public form and the staff list. One
// registration per event and email (the unique key, email lower-cased): a repeat updates that
// row and answers created: false. Registrations of one event are serialised by a
// transaction-scoped advisory lock, so the capacity check and the insert cannot interleave: once
// maxRegistrations are REGISTERED or CONFIRMED, newcomers are WAITLISTED.
import { DomainError } from '../../domain/errors.js';
import type { LeagueRegistrationStatus, Prisma } from '../../prisma/generated/client.js';
import type { ServiceDeps } from '../deps.js';
import { registrationIsOpen } from './events.js';
import { enforceFormRate } from '../public-forms/rate-limit.js';

/** Forms per hour: per client IP generous for a college lab's shared NAT; per email enough for a few corrections. */
export const LEAGUE_RATE_LIMIT = { perIp: 30, perEmail: 5, windowSeconds: 3600 };

export interface LeagueInput {
  name: string;
  /** Already trimmed and lower-cased. */
  email: string;
  /** Already E.164. */
  phone?: string | undefined;
  college?: string | undefined;
  city?: string | undefined;
  teamName?: string | undefined;
  teamMembers?: { name: string; email?: string | undefined; phone?: string | undefined }[] | undefined;
  extraData?: Record<string, unknown> | undefined;
  utmSource?: string | undefined;
  utmCampaign?: string | undefined;
}

export const registrationSelect = {
  id: true,
  eventKey: true,
  userId: true,
  name: true,
  email: true,
  phone: true,
  college: true,
  city: true,
  teamName: true,
  teamMembers: true,
  status: true,
  extraData: true,
  utmSource: true,
  utmCampaign: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.LeagueRegistrationSelect;
type RegistrationRow = Prisma.LeagueRegistrationGetPayload<{ select: typeof registrationSelect }>;
export const toRegistrationView = (r: RegistrationRow) => ({
  ...r,
  teamMembers: (r.teamMembers ?? null) as { name: string; email?: string; phone?: string }[] | null,
  extraData: (r.extraData ?? null) as Record<string, unknown> | null,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

const HELD: LeagueRegistrationStatus[] = ['REGISTERED', 'CONFIRMED'];

export async function registerForLeague(deps: Pick<ServiceDeps, 'db'>, ctx: { ip: string }, eventKey: string, input: LeagueInput, now = new Date()) {
  const event = await deps.db.eventConfiguration.findUnique({ where: { key: eventKey }, select: { key: true, isEnabled: true, registrationOpen: true, registrationClosesAt: true, maxRegistrations: true } });
  if (!event?.isEnabled) throw new DomainError('NOT_FOUND', 'No such event');
  await enforceFormRate(deps, 'league', ctx.ip, input.email, LEAGUE_RATE_LIMIT);
  if (!registrationIsOpen(event, now)) throw new DomainError('CONFLICT', 'Registration for this event is closed');
  const { teamMembers, extraData, ...fields } = input;
  const data = { ...fields, ...(teamMembers ? { teamMembers: teamMembers as Prisma.InputJsonValue } : {}), ...(extraData ? { extraData: extraData as Prisma.InputJsonValue } : {}) };
  return deps.db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`league:${eventKey}`}, 0))`;
    const existing = await tx.leagueRegistration.findUnique({ where: { eventKey_email: { eventKey, email: input.email } }, select: { id: true, status: true } });
    if (existing) {
      // A repeat keeps what it does not restate; a cancelled registrant who registers again is back in line.
      const status = existing.status === 'CANCELLED' ? await placeFor(tx, event, eventKey) : existing.status;
      const row = await tx.leagueRegistration.update({ where: { id: existing.id }, data: { ...data, status }, select: { id: true, status: true } });
      return { id: row.id, created: false, status: row.status };
    }
    const row = await tx.leagueRegistration.create({ data: { ...data, eventKey, status: await placeFor(tx, event, eventKey) }, select: { id: true, status: true } });
    return { id: row.id, created: true, status: row.status };
  });
}

type Tx = Parameters<Parameters<ServiceDeps['db']['$transaction']>[0]>[0];
async function placeFor(tx: Tx, event: { maxRegistrations: number | null }, eventKey: string): Promise<LeagueRegistrationStatus> {
  if (event.maxRegistrations === null) return 'REGISTERED';
  const held = await tx.leagueRegistration.count({ where: { eventKey, status: { in: HELD } } });
  return held < event.maxRegistrations ? 'REGISTERED' : 'WAITLISTED';
}

export function listRegistrations(
  deps: Pick<ServiceDeps, 'db'>,
  eventKey: string,
  f: { status?: LeagueRegistrationStatus | undefined; email?: string | undefined },
  page: { where: Prisma.LeagueRegistrationWhereInput; orderBy: Prisma.LeagueRegistrationOrderByWithRelationInput[]; take: number },
) {
  return deps.db.leagueRegistration.findMany({
    where: { AND: [page.where, { eventKey }, f.status ? { status: f.status } : {}, f.email ? { email: f.email } : {}] },
    orderBy: page.orderBy,
    take: page.take,
    select: registrationSelect,
  });
}

/** Staff confirm, waitlist or cancel a registration. */
export async function setRegistrationStatus(deps: Pick<ServiceDeps, 'db'>, id: string, status: LeagueRegistrationStatus) {
  const { count } = await deps.db.leagueRegistration.updateMany({ where: { id }, data: { status } });
  if (!count) throw new DomainError('NOT_FOUND', 'No such registration');
  return toRegistrationView(await deps.db.leagueRegistration.findUniqueOrThrow({ where: { id }, select: registrationSelect }));
}
