import { z } from '@hono/zod-openapi';
import { AGENT_KEY, agentFields } from '../../../domain/ai/agent-config.js';
import { PageQuery, pageSchema } from '../../pagination.js';

export const AgentId = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
const Version = z.coerce.number().int().min(1).max(1_000_000_000);
export const AgentVersionParams = AgentId.extend({ version: Version.openapi({ param: { name: 'version', in: 'path' } }) });
const ChangeNote = z.string().trim().min(1).max(500).nullish().openapi({ description: 'Why; stored with the version' });
const ExpectedVersion = z.number().int().min(1).openapi({ description: 'The version you read; a stale one is a 409 and changes nothing' });

const snapshotShape = {
  key: AGENT_KEY.openapi({ example: 'ask-mas', description: 'Stable slug the code loads the agent by' }),
  ...agentFields,
  tools: agentFields.tools.openapi({ description: 'OpenAI function tools the agent may call: [{ type: "function", function: { name, description, parameters } }]' }),
};
export const AgentSnapshotView = z.object(snapshotShape).openapi('AgentSnapshot');

export const AgentView = z
  .object({ id: z.uuid(), version: z.number().int(), ...snapshotShape, createdById: z.uuid().nullable(), updatedById: z.uuid().nullable(), createdAt: z.string(), updatedAt: z.string() })
  .openapi('Agent');
export const AgentPage = pageSchema(AgentView).openapi('AgentPage');

export const CreateAgentBody = z
  .object({
    key: snapshotShape.key,
    name: agentFields.name,
    description: agentFields.description.optional(),
    provider: agentFields.provider.optional().openapi({ description: 'Default OPENAI' }),
    model: agentFields.model.openapi({ example: 'gpt-4o-mini' }),
    systemPrompt: agentFields.systemPrompt,
    temperature: agentFields.temperature.optional(),
    maxTokens: agentFields.maxTokens.optional(),
    tools: snapshotShape.tools.optional(),
    settings: agentFields.settings.optional(),
    isActive: agentFields.isActive.optional(),
    changeNote: ChangeNote,
  })
  .strict()
  .openapi('CreateAgentRequest');

const editable = ['name', 'description', 'provider', 'model', 'systemPrompt', 'temperature', 'maxTokens', 'tools', 'settings', 'isActive'] as const;
export const UpdateAgentBody = z
  .object({
    version: ExpectedVersion,
    changeNote: ChangeNote,
    name: agentFields.name.optional(),
    description: agentFields.description.optional(),
    provider: agentFields.provider.optional(),
    model: agentFields.model.optional(),
    systemPrompt: agentFields.systemPrompt.optional(),
    temperature: agentFields.temperature.optional(),
    maxTokens: agentFields.maxTokens.optional(),
    tools: snapshotShape.tools.optional(),
    settings: agentFields.settings.optional(),
    isActive: agentFields.isActive.optional(),
  })
  .strict()
  .refine((b) => editable.some((f) => b[f] !== undefined), { message: 'Change at least one field' })
  .openapi('UpdateAgentRequest');

export const RollbackAgentBody = z.object({ toVersion: z.number().int().min(1), version: ExpectedVersion, changeNote: ChangeNote }).strict().openapi('RollbackAgentRequest');

export const AgentListQuery = PageQuery.extend({ isActive: z.enum(['true', 'false']).transform((v) => v === 'true').optional() });
export const DeleteAgentQuery = z.object({ version: Version.openapi({ description: 'The version you read' }) });
export const VersionsQuery = z.object({
  cursor: z.string().regex(/^\d{1,10}$/).optional().openapi({ description: 'nextCursor of the previous page' }),
  limit: PageQuery.shape.limit,
});
export const DiffQuery = z.object({ from: Version, to: Version });

export const AgentVersionView = z
  .object({ agentId: z.uuid(), version: z.number().int(), snapshot: AgentSnapshotView, changeNote: z.string().nullable(), changedById: z.uuid().nullable(), createdAt: z.string() })
  .openapi('AgentVersion');
export const AgentVersionPage = pageSchema(AgentVersionView).openapi('AgentVersionPage');

export const AgentDiffView = z
  .object({
    from: z.number().int(),
    to: z.number().int(),
    changes: z.array(z.object({ field: z.string(), from: z.unknown(), to: z.unknown() })).openapi({ description: 'Only the fields that differ, each with its value in both versions' }),
  })
  .openapi('AgentDiff');

