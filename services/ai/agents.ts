// Agent configurations with an append-only version history. Every write (create, update,
// rollback) bumps `version` and writes that version's full snapshot to
// agent_configuration_histories in the same transaction. Writes carry the version the caller
// read: the update is conditional on it, so of two writers with the same version one wins and
// the other gets a 409, and no history row is lost or overwritten.
import { AgentSnapshot, diffSnapshots, type FieldChange } from '../../domain/ai/agent-config.js';
import { DomainError } from '../../domain/errors.js';
import type { Tx } from '../../infra/prisma.js';
import { Prisma } from '../../prisma/generated/client.js';
import type { ServiceDeps } from '../deps.js';
import { isUniqueViolation } from '../../infra/prisma-errors.js';

type Deps = Pick<ServiceDeps, 'db'>;
type AgentRow = Prisma.AgentConfigurationGetPayload<object>;
type Editable = Partial<Omit<AgentSnapshot, 'key'>>;

export type CreateAgentInput = Pick<AgentSnapshot, 'key' | 'name' | 'model' | 'systemPrompt'> & Partial<Omit<AgentSnapshot, 'key' | 'name' | 'model' | 'systemPrompt'>> & { changeNote?: string | null };

const iso = (d: Date) => d.toISOString();
export function toAgentView(a: AgentRow) {
  return { ...snapshotOf(a), id: a.id, version: a.version, createdById: a.createdById, updatedById: a.updatedById, createdAt: iso(a.createdAt), updatedAt: iso(a.updatedAt) };
}
export type AgentView = ReturnType<typeof toAgentView>;

function snapshotOf(a: AgentRow): AgentSnapshot {
  return {
    key: a.key,
    name: a.name,
    description: a.description,
    provider: a.provider,
    model: a.model,
    systemPrompt: a.systemPrompt,
    temperature: a.temperature,
    maxTokens: a.maxTokens,
    tools: (a.tools ?? null) as AgentSnapshot['tools'],
    settings: (a.settings ?? null) as AgentSnapshot['settings'],
    isActive: a.isActive,
  };
}

/** Prisma's JSON columns take DbNull for SQL NULL. */
const jsonOrNull = (v: unknown) => (v === null ? Prisma.DbNull : (v as Prisma.InputJsonValue));
function columns(e: Editable) {
  const { tools, settings, ...rest } = e;
  return { ...rest, ...(tools !== undefined ? { tools: jsonOrNull(tools) } : {}), ...(settings !== undefined ? { settings: jsonOrNull(settings) } : {}) };
}

async function writeVersion(tx: Tx, agent: AgentRow, changedById: string, changeNote: string | null) {
  await tx.agentConfigurationHistory.create({
    data: { agentConfigurationId: agent.id, version: agent.version, snapshot: snapshotOf(agent) as unknown as Prisma.InputJsonValue, changeNote, changedById },
  });
}

export async function createAgent(deps: Deps, actorId: string, input: CreateAgentInput): Promise<AgentView> {
  const { changeNote, key, name, model, systemPrompt, ...rest } = input;
  try {
    return await deps.db.$transaction(async (tx) => {
      const agent = await tx.agentConfiguration.create({ data: { key, name, model, systemPrompt, provider: 'OPENAI', ...columns(rest), version: 1, createdById: actorId, updatedById: actorId } });
      await writeVersion(tx, agent, actorId, changeNote ?? 'created');
      return toAgentView(agent);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new DomainError('CONFLICT', `An agent with the key "${key}" already exists`);
    throw err;
  }
}

const noSuchAgent = () => new DomainError('NOT_FOUND', 'No such agent');
const stale = (expected: number, current: number) => new DomainError('CONFLICT', `The agent is at version ${current}, not ${expected}: reload it and apply your change again`);

export async function getAgent(deps: Deps, id: string): Promise<AgentView> {
  const agent = await deps.db.agentConfiguration.findUnique({ where: { id } });
  if (!agent) throw noSuchAgent();
  return toAgentView(agent);
}

export async function listAgents(deps: Deps, filters: { isActive?: boolean }, page: { where: object; orderBy: Prisma.AgentConfigurationOrderByWithRelationInput[]; take: number }) {
  return deps.db.agentConfiguration.findMany({ where: { AND: [page.where, filters.isActive === undefined ? {} : { isActive: filters.isActive }] }, orderBy: page.orderBy, take: page.take });
}

/** The conditional write behind update and rollback: version `expected` → expected + 1, plus its history row. */
async function writeNextVersion(deps: Deps, actorId: string, id: string, expected: number, changes: Editable, changeNote: string | null): Promise<AgentView> {
  return deps.db.$transaction(async (tx) => {
    // Under READ COMMITTED a concurrent writer of the same row waits here for the first to
    // commit, then finds the version moved on and updates nothing.
    const { count } = await tx.agentConfiguration.updateMany({ where: { id, version: expected }, data: { ...columns(changes), version: expected + 1, updatedById: actorId } });
    if (count === 0) {
      const current = await tx.agentConfiguration.findUnique({ where: { id }, select: { version: true } });
      throw current ? stale(expected, current.version) : noSuchAgent();
    }
    const agent = await tx.agentConfiguration.findUniqueOrThrow({ where: { id } });
    await writeVersion(tx, agent, actorId, changeNote);
    return toAgentView(agent);
  });
}

export async function updateAgent(deps: Deps, actorId: string, id: string, input: Editable & { version: number; changeNote?: string | null }): Promise<AgentView> {
  const { version, changeNote, ...changes } = input;
  return writeNextVersion(deps, actorId, id, version, changes, changeNote ?? null);
}

/** Makes version `toVersion`'s state current again, as a new version. */
export async function rollbackAgent(deps: Deps, actorId: string, id: string, input: { toVersion: number; version: number; changeNote?: string | null }): Promise<AgentView> {
  const target = await deps.db.agentConfigurationHistory.findUnique({ where: { agentConfigurationId_version: { agentConfigurationId: id, version: input.toVersion } } });
  if (!target) {
    await getAgent(deps, id);
    throw new DomainError('NOT_FOUND', `The agent has no version ${input.toVersion}`);
  }
  const { key: _key, ...state } = AgentSnapshot.parse(target.snapshot);
  return writeNextVersion(deps, actorId, id, input.version, state, input.changeNote ?? `rollback to version ${input.toVersion}`);
}

/** Deletes the configuration; its history stays (a soft reference) and can still be read. */
export async function deleteAgent(deps: Deps, id: string, expected: number): Promise<void> {
  const { count } = await deps.db.agentConfiguration.deleteMany({ where: { id, version: expected } });
  if (count === 0) {
    const current = await deps.db.agentConfiguration.findUnique({ where: { id }, select: { version: true } });
    throw current ? stale(expected, current.version) : noSuchAgent();
  }
}

type HistoryRow = Prisma.AgentConfigurationHistoryGetPayload<object>;
export function toVersionView(h: HistoryRow) {
  return { agentId: h.agentConfigurationId, version: h.version, snapshot: AgentSnapshot.parse(h.snapshot), changeNote: h.changeNote, changedById: h.changedById, createdAt: iso(h.createdAt) };
}

async function historyOrNotFound(deps: Deps, id: string) {
  const any = await deps.db.agentConfigurationHistory.findFirst({ where: { agentConfigurationId: id }, select: { id: true } });
  if (!any) throw noSuchAgent();
}

/** Versions newest first; `before` is the cursor (the last version of the previous page). */
export async function listAgentVersions(deps: Deps, id: string, page: { before?: number; take: number }) {
  const rows = await deps.db.agentConfigurationHistory.findMany({
    where: { agentConfigurationId: id, ...(page.before ? { version: { lt: page.before } } : {}) },
    orderBy: { version: 'desc' },
    take: page.take,
  });
  if (rows.length === 0 && !page.before) await historyOrNotFound(deps, id);
  return rows.map(toVersionView);
}

export async function getAgentVersion(deps: Deps, id: string, version: number) {
  const row = await deps.db.agentConfigurationHistory.findUnique({ where: { agentConfigurationId_version: { agentConfigurationId: id, version } } });
  if (!row) {
    await historyOrNotFound(deps, id);
    throw new DomainError('NOT_FOUND', `The agent has no version ${version}`);
  }
  return toVersionView(row);
}

export async function diffAgentVersions(deps: Deps, id: string, from: number, to: number): Promise<{ from: number; to: number; changes: FieldChange[] }> {
  const [a, b] = await Promise.all([getAgentVersion(deps, id, from), getAgentVersion(deps, id, to)]);
  return { from, to, changes: diffSnapshots(a.snapshot, b.snapshot) };
}
