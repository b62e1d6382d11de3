// HR phone-call configurations (public.hr_call_configs): per recruiter, which AI-calling
// provider, caller id, voice, prompt, limits and local calling window their calls use. A config,
// so admins keep it (CRUD); nothing here places calls.
import { DomainError } from '../../domain/errors.js';
import type { Prisma } from '../../prisma/generated/client.js';
import type { ServiceDeps } from '../deps.js';

type Deps = Pick<ServiceDeps, 'db'>;

export const HR_CALL_PROVIDERS = ['aarya', 'miss_ozone', 'elevenlabs'] as const;

export const hrCallConfigSelect = {
  id: true, userId: true, provider: true, callerId: true, voiceId: true, language: true, aiCallPromptId: true, maxCallDurationSeconds: true, maxRetries: true,
  retryIntervalMinutes: true, callWindowStart: true, callWindowEnd: true, timezone: true, isActive: true, createdAt: true, updatedAt: true,
} as const satisfies Prisma.HrCallConfigSelect;
type Row = Prisma.HrCallConfigGetPayload<{ select: typeof hrCallConfigSelect }>;
export const toHrCallConfigView = (r: Row) => ({ ...r, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString() });

export interface HrCallConfigFields {
  provider?: string | undefined;
  callerId?: string | null | undefined;
  voiceId?: string | null | undefined;
  language?: string | undefined;
  aiCallPromptId?: string | null | undefined;
  maxCallDurationSeconds?: number | undefined;
  maxRetries?: number | undefined;
  retryIntervalMinutes?: number | undefined;
  callWindowStart?: string | undefined;
  callWindowEnd?: string | undefined;
  timezone?: string | undefined;
  isActive?: boolean | undefined;
}

const defined = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

function assertWindow(start: string, end: string) {
  if (start >= end) throw new DomainError('VALIDATION_FAILED', 'callWindowStart must be before callWindowEnd', [{ path: 'json.callWindowEnd', message: 'Not after callWindowStart' }]);
}

async function assertPrompt(deps: Deps, id: string | null | undefined) {
  if (id && !(await deps.db.aiCallPrompt.count({ where: { id } }))) throw new DomainError('UNPROCESSABLE', 'No such AI call prompt', [{ path: 'json.aiCallPromptId', message: 'Unknown prompt' }]);
}

export async function createHrCallConfig(deps: Deps, body: HrCallConfigFields & { userId: string; provider: string }) {
  const user = await deps.db.user.findUnique({ where: { id: body.userId }, select: { isActive: true } });
  if (!user?.isActive) throw new DomainError('UNPROCESSABLE', 'No such active user', [{ path: 'json.userId', message: 'Unknown or deactivated user' }]);
  assertWindow(body.callWindowStart ?? '09:00', body.callWindowEnd ?? '19:00');
  await assertPrompt(deps, body.aiCallPromptId);
  const { userId, provider, ...rest } = body;
  return toHrCallConfigView(await deps.db.hrCallConfig.create({ data: { userId, provider, ...defined(rest) }, select: hrCallConfigSelect }));
}

export function listHrCallConfigs(deps: Deps, f: { userId?: string | undefined }, page: { where: Prisma.HrCallConfigWhereInput; orderBy: Prisma.HrCallConfigOrderByWithRelationInput[]; take: number }) {
  return deps.db.hrCallConfig.findMany({ where: { AND: [page.where, f.userId ? { userId: f.userId } : {}] }, orderBy: page.orderBy, take: page.take, select: hrCallConfigSelect });
}

export async function updateHrCallConfig(deps: Deps, id: string, patch: HrCallConfigFields) {
  const row = await deps.db.hrCallConfig.findUnique({ where: { id }, select: hrCallConfigSelect });
  if (!row) throw new DomainError('NOT_FOUND', 'No such HR call config');
  assertWindow(patch.callWindowStart ?? row.callWindowStart, patch.callWindowEnd ?? row.callWindowEnd);
  await assertPrompt(deps, patch.aiCallPromptId);
  return toHrCallConfigView(await deps.db.hrCallConfig.update({ where: { id }, data: defined(patch), select: hrCallConfigSelect }));
}

export async function deleteHrCallConfig(deps: Deps, id: string) {
  const gone = await deps.db.hrCallConfig.deleteMany({ where: { id } });
  if (!gone.count) throw new DomainError('NOT_FOUND', 'No such HR call config');
}
