// Agent configurations: what an agent is (system prompt, model, parameters, tools), validated by
// zod with bounded sizes, the snapshot every version stores, and the field-by-field diff of two
// versions. Pure: services/ai/agents.ts owns the versioning transaction.
import { z } from 'zod';
import { boundedJson, type JsonBounds } from '../json-bounds.js';
import { LLM_KEY_PROVIDERS } from './llm-keys.js';

export const MAX_AGENT_TOOLS = 32;
export const MAX_SYSTEM_PROMPT_CHARS = 32_000;
/** One tool's JSON-schema parameters. */
export const TOOL_PARAMETERS_BOUNDS: JsonBounds = { maxDepth: 10, maxBytes: 16 * 1024 };
/** The whole tools array. */
export const TOOLS_BOUNDS: JsonBounds = { maxDepth: 14, maxBytes: 64 * 1024 };
/** Further provider or agent settings. */
export const AGENT_SETTINGS_BOUNDS: JsonBounds = { maxDepth: 6, maxBytes: 8 * 1024 };

export const AGENT_KEY = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$/, '3 to 64 of a-z, 0-9 and -, starting and ending with a letter or digit');

/** An OpenAI function tool: { type: "function", function: { name, description, parameters, strict } }. */
export const AgentTool = z
  .object({
    type: z.literal('function'),
    function: z
      .object({
        name: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, '1 to 64 of A-Z, a-z, 0-9, _ and -'),
        description: z.string().trim().max(1024).optional(),
        parameters: boundedJson(TOOL_PARAMETERS_BOUNDS, z.record(z.string(), z.unknown()))
          .refine((p) => p.type === 'object', 'must be a JSON schema with type "object"')
          .optional(),
        strict: z.boolean().optional(),
      })
      .strict(),
  })
  .strict();
export type AgentTool = z.infer<typeof AgentTool>;

export const AgentTools = boundedJson(TOOLS_BOUNDS, z.array(AgentTool).max(MAX_AGENT_TOOLS)).superRefine((tools, ctx) => {
  const seen = new Set<string>();
  for (const [i, t] of tools.entries()) {
    if (seen.has(t.function.name)) ctx.addIssue({ code: 'custom', path: [i, 'function', 'name'], message: `Tool name "${t.function.name}" is used twice` });
    seen.add(t.function.name);
  }
});

export const AgentSettings = boundedJson(AGENT_SETTINGS_BOUNDS, z.record(z.string(), z.unknown()));

/** The editable fields of an agent (everything a version records). */
export const agentFields = {
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(2000).nullable(),
  provider: z.enum(LLM_KEY_PROVIDERS),
  model: z.string().trim().min(1).max(200),
  systemPrompt: z.string().min(1).max(MAX_SYSTEM_PROMPT_CHARS),
  temperature: z.number().min(0).max(2).nullable(),
  maxTokens: z.number().int().min(1).max(200_000).nullable(),
  tools: AgentTools.nullable(),
  settings: AgentSettings.nullable(),
  isActive: z.boolean(),
};

/** A version's stored state. */
export const AgentSnapshot = z.object({ key: AGENT_KEY, ...agentFields });
export type AgentSnapshot = z.infer<typeof AgentSnapshot>;
export const SNAPSHOT_FIELDS = Object.keys(AgentSnapshot.shape) as (keyof AgentSnapshot)[];

export interface FieldChange {
  field: keyof AgentSnapshot;
  from: unknown;
  to: unknown;
}

/** JSON with sorted object keys, so equal values compare equal whatever their key order. */
function canonical(v: unknown): string {
  return JSON.stringify(v ?? null, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : x,
  );
}

/** The fields that differ between two versions, in snapshot order. */
export function diffSnapshots(from: AgentSnapshot, to: AgentSnapshot): FieldChange[] {
  return SNAPSHOT_FIELDS.filter((f) => canonical(from[f]) !== canonical(to[f])).map((field) => ({ field, from: from[field] ?? null, to: to[field] ?? null }));
}
