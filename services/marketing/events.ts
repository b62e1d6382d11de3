// Event configurations (public.event_configurations): staff switch events and their
// registration on and off; frontends read the enabled ones. An event's key is its stable slug,
// which league registrations point at. Whether registration is open is decided here, once:
// switched on, before registrationClosesAt, for an enabled event.
import { DomainError } from '../../domain/errors.js';
import { windowProblem } from '../../domain/marketing/banners.js';
import { Prisma } from '../../prisma/generated/client.js';
import type { ServiceDeps } from '../deps.js';
import { isUniqueViolation, prismaCode } from '../../infra/prisma-errors.js';

type Deps = Pick<ServiceDeps, 'db'>;

export interface EventInput {
  key?: string | undefined;
  name?: string | undefined;
  description?: string | null | undefined;
  isEnabled?: boolean | undefined;
  registrationOpen?: boolean | undefined;
  startsAt?: Date | null | undefined;
  endsAt?: Date | null | undefined;
  registrationClosesAt?: Date | null | undefined;
  maxRegistrations?: number | null | undefined;
  settings?: Record<string, unknown> | null | undefined;
}

export const eventSelect = {
  id: true,
  key: true,
  name: true,
  description: true,
  isEnabled: true,
  registrationOpen: true,
  startsAt: true,
  endsAt: true,
  registrationClosesAt: true,
  maxRegistrations: true,
  settings: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.EventConfigurationSelect;
export type EventRow = Prisma.EventConfigurationGetPayload<{ select: typeof eventSelect }>;

const iso = (d: Date | null) => d?.toISOString() ?? null;
export const toEventView = (r: EventRow) => ({
  ...r,
  settings: (r.settings ?? null) as Record<string, unknown> | null,
  startsAt: iso(r.startsAt),
  endsAt: iso(r.endsAt),
  registrationClosesAt: iso(r.registrationClosesAt),
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

/** Registration is accepted now: the event is enabled, its registration switched on and not past its close. */
export const registrationIsOpen = (e: Pick<EventRow, 'isEnabled' | 'registrationOpen' | 'registrationClosesAt'>, now: Date) =>
  e.isEnabled && e.registrationOpen && (!e.registrationClosesAt || e.registrationClosesAt > now);

const missing = () => new DomainError('NOT_FOUND', 'No such event');
const json = (v: Record<string, unknown> | null | undefined) => (v === undefined ? undefined : v === null ? Prisma.DbNull : (v as Prisma.InputJsonValue));

function checkWindow(input: EventInput, before?: Pick<EventRow, 'startsAt' | 'endsAt'>) {
  const bad = windowProblem(input.startsAt !== undefined ? input.startsAt : before?.startsAt, input.endsAt !== undefined ? input.endsAt : before?.endsAt);
  if (bad) throw new DomainError('UNPROCESSABLE', bad, [{ path: 'json.endsAt', message: bad }]);
}

export async function createEvent(deps: Deps, input: EventInput & { key: string; name: string }) {
  checkWindow(input);
  try {
    return toEventView(await deps.db.eventConfiguration.create({ data: { ...input, settings: json(input.settings) }, select: eventSelect }));
  } catch (err) {
    if (isUniqueViolation(err)) throw new DomainError('CONFLICT', `An event with the key "${input.key}" already exists`);
    throw err;
  }
}

export async function updateEvent(deps: Deps, key: string, patch: Omit<EventInput, 'key'>) {
  const before = await deps.db.eventConfiguration.findUnique({ where: { key }, select: { startsAt: true, endsAt: true } });
  if (!before) throw missing();
  checkWindow(patch, before);
  try {
    return toEventView(await deps.db.eventConfiguration.update({ where: { key }, data: { ...patch, settings: json(patch.settings) }, select: eventSelect }));
  } catch (err) {
    if (prismaCode(err) === 'P2025') throw missing();
    throw err;
  }
}

export async function getEvent(deps: Deps, key: string) {
  const row = await deps.db.eventConfiguration.findUnique({ where: { key }, select: eventSelect });
  if (!row) throw missing();
  return toEventView(row);
}

/** Deleting an event keeps its registrations (a soft reference by key) for the records. */
export async function deleteEvent(deps: Deps, key: string) {
  const { count } = await deps.db.eventConfiguration.deleteMany({ where: { key } });
  if (!count) throw missing();
}

export function listEvents(deps: Deps, f: { isEnabled?: boolean | undefined }, page: { where: Prisma.EventConfigurationWhereInput; orderBy: Prisma.EventConfigurationOrderByWithRelationInput[]; take: number }) {
  return deps.db.eventConfiguration.findMany({ where: { AND: [page.where, f.isEnabled !== undefined ? { isEnabled: f.isEnabled } : {}] }, orderBy: page.orderBy, take: page.take, select: eventSelect });
}

/** What frontends see of an enabled event: its toggles, whether registration is open now, and the places left. */
async function toPublicEvent(deps: Deps, e: EventRow, now: Date) {
  const taken = e.maxRegistrations === null ? 0 : await deps.db.leagueRegistration.count({ where: { eventKey: e.key, status: { in: ['REGISTERED', 'CONFIRMED'] } } });
  return {
    key: e.key,
    name: e.name,
    description: e.description,
    startsAt: iso(e.startsAt),
    endsAt: iso(e.endsAt),
    registrationClosesAt: iso(e.registrationClosesAt),
    registrationOpen: registrationIsOpen(e, now),
    placesLeft: e.maxRegistrations === null ? null : Math.max(0, e.maxRegistrations - taken),
    settings: (e.settings ?? null) as Record<string, unknown> | null,
  };
}

export async function publicEvents(deps: Deps, now = new Date()) {
  const rows = await deps.db.eventConfiguration.findMany({ where: { isEnabled: true }, orderBy: [{ startsAt: { sort: 'asc', nulls: 'last' } }, { key: 'asc' }], take: 100, select: eventSelect });
  return Promise.all(rows.map((e) => toPublicEvent(deps, e, now)));
}

export async function publicEvent(deps: Deps, key: string, now = new Date()) {
  const row = await deps.db.eventConfiguration.findUnique({ where: { key }, select: eventSelect });
  if (!row?.isEnabled) throw missing();
  return toPublicEvent(deps, row, now);
}
