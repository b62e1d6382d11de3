// The LLM simulator's default answer: a value valid against the requested JSON schema, the
// same for the same input (a PRNG seeded from the input's sha256), and useful to a resume
// pipeline: `email`/`name`/`phone` strings take the first match in the user message, a
// `skills` array the known skills the message mentions.
import { createHash } from 'node:crypto';

export type JsonSchema = Record<string, unknown>;

/** Skills the simulator recognises in a message (matched case-insensitively as whole words). */
export const KNOWN_SKILLS = [
  'SQL', 'Python', 'Excel', 'Tableau', 'Power BI', 'Statistics', 'Machine Learning', 'Deep Learning', 'R', 'Java', 'JavaScript', 'TypeScript',
  'React', 'Node.js', 'AWS', 'Docker', 'Kubernetes', 'Pandas', 'NumPy', 'Spark', 'Communication', 'Sales', 'Marketing', 'Figma', 'C++', 'Go',
] as const;

const WORDS = ['steady', 'clear', 'relevant', 'solid', 'practical', 'analytical', 'consistent', 'focused', 'careful', 'strong', 'broad', 'direct'];

/** sha256 hex of what determines an answer: the model, the messages and the schema. */
export function inputHash(model: string, messages: { role: string; content: string }[], schema: unknown): string {
  return createHash('sha256').update(JSON.stringify([model, messages, schema ?? null])).digest('hex');
}

/** sfc32 seeded from the first 16 bytes of a hex digest: numbers in [0, 1). */
export function prngFromHex(hex: string): () => number {
  let [a, b, c, d] = [0, 1, 2, 3].map((i) => Number.parseInt(hex.slice(i * 8, i * 8 + 8), 16) >>> 0) as [number, number, number, number];
  return () => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

interface Ctx {
  rand: () => number;
  user: string;
  root: JsonSchema;
  depth: number;
}

/** A value valid against `schema` (the subset strict mode allows), deterministic for `seedHex`. */
export function answerFor(schema: JsonSchema, user: string, seedHex: string): unknown {
  return gen(schema, { rand: prngFromHex(seedHex), user: resumeSection(user), root: schema, depth: 0 }, null);
}

/** The text after a "Resume:" / "Resume text:" / "CV:" label when there is one (a job brief often comes first), else all of it. */
export function resumeSection(user: string): string {
  const m = /(?:^|\n)[ \t]*(?:resume|cv)(?:[ \t]+text)?[ \t]*:[ \t]*/i.exec(user);
  return m ? user.slice(m.index + m[0].length) : user;
}

function resolve(schema: JsonSchema, ctx: Ctx): JsonSchema {
  const ref = schema.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#')) return schema;
  // "#" is the root (recursive schemas); "#/$defs/X" a definition.
  let node: unknown = ctx.root;
  for (const part of ref.slice(1).split('/').filter(Boolean)) node = (node as Record<string, unknown> | undefined)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  return typeof node === 'object' && node !== null ? (node as JsonSchema) : {};
}

function typesOf(schema: JsonSchema): string[] {
  if (Array.isArray(schema.type)) return schema.type.filter((t): t is string => typeof t === 'string');
  if (typeof schema.type === 'string') return [schema.type];
  if (schema.properties) return ['object'];
  if (schema.items) return ['array'];
  return ['string'];
}

const CONTACT_KEY = /e-?mail|phone|mobile|(^|_)(full_?|candidate_?)?name$|^(full|candidate)Name$/i;

function allowsNull(schema: JsonSchema, ctx: Ctx): boolean {
  if (schema.type === 'null' || (Array.isArray(schema.type) && schema.type.includes('null'))) return true;
  const variants = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  return Array.isArray(variants) && variants.some((v) => allowsNull(resolve(v, ctx), ctx));
}

function gen(input: JsonSchema, ctx: Ctx, key: string | null): unknown {
  const schema = resolve(input, ctx);
  // Contact details the message does not give are null where the schema allows it, never invented.
  if (key && CONTACT_KEY.test(key) && allowsNull(schema, ctx) && fromMessage(key, ctx.user) === null) return null;
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length) return pick(schema.enum, ctx);
  const variants = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (Array.isArray(variants) && variants.length) {
    // Prefer a non-null branch (a nullable field gets a value), and stop recursing deep.
    const real = variants.filter((v) => resolve(v, ctx).type !== 'null');
    if (!real.length || ctx.depth > 6) return real.length ? gen(real[0]!, ctx, key) : null;
    return gen(pick(real, ctx), ctx, key);
  }
  const types = typesOf(schema);
  const nonNull = types.filter((t) => t !== 'null');
  if (!nonNull.length || (ctx.depth > 6 && types.includes('null'))) return null;
  const type = nonNull[0]!;
  switch (type) {
    case 'object':
      return genObject(schema, ctx);
    case 'array':
      return genArray(schema, ctx, key);
    case 'integer':
    case 'number':
      return genNumber(schema, ctx, type === 'integer');
    case 'boolean':
      return ctx.rand() < 0.5;
    default:
      return genString(schema, ctx, key);
  }
}

function pick<T>(items: readonly T[], ctx: Ctx): T {
  return items[Math.floor(ctx.rand() * items.length)]!;
}

function genObject(schema: JsonSchema, ctx: Ctx): Record<string, unknown> {
  const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const out: Record<string, unknown> = {};
  const inner = { ...ctx, depth: ctx.depth + 1 };
  for (const [name, sub] of Object.entries(props)) out[name] = gen(sub, inner, name);
  return out;
}

function bounds(min: unknown, max: unknown, fallbackMin: number, fallbackSpan: number): [number, number] {
  const lo = typeof min === 'number' ? min : fallbackMin;
  const hi = typeof max === 'number' ? max : lo + fallbackSpan;
  return [lo, Math.max(lo, hi)];
}

function genArray(schema: JsonSchema, ctx: Ctx, key: string | null): unknown[] {
  const [minItems, maxItems] = bounds(schema.minItems, schema.maxItems, ctx.depth > 4 ? 0 : 1, 2);
  const items = resolve((schema.items ?? {}) as JsonSchema, ctx);
  if (key && /skills?$/i.test(key) && typesOf(items).includes('string')) {
    const allowed = Array.isArray(items.enum) ? new Set(items.enum.map(String)) : null;
    const found = skillsIn(ctx.user).filter((s) => !allowed || allowed.has(s)).filter((s) => fitsString(items, s));
    const pool = allowed ? [...allowed] : KNOWN_SKILLS.filter((s) => fitsString(items, s));
    // Pad (in a deterministic order) to minItems when the message names too few.
    while (found.length < minItems && pool.some((s) => !found.includes(s))) found.push(pick(pool.filter((s) => !found.includes(s)), ctx));
    return found.slice(0, Math.max(minItems, Math.min(maxItems, found.length)));
  }
  const length = minItems + Math.floor(ctx.rand() * (Math.min(maxItems, minItems + 3) - minItems + 1));
  const inner = { ...ctx, depth: ctx.depth + 1 };
  return Array.from({ length }, () => gen(items, inner, key));
}

function genNumber(schema: JsonSchema, ctx: Ctx, integer: boolean): number {
  let lo = typeof schema.minimum === 'number' ? schema.minimum : -Infinity;
  let hi = typeof schema.maximum === 'number' ? schema.maximum : Infinity;
  const step = integer ? 1 : 0.01;
  if (typeof schema.exclusiveMinimum === 'number') lo = Math.max(lo, schema.exclusiveMinimum + step);
  if (typeof schema.exclusiveMaximum === 'number') hi = Math.min(hi, schema.exclusiveMaximum - step);
  // Schemas from zod give integers the whole safe range: answer in a human range within it.
  const natLo = Number.isFinite(lo) && lo > -1e6 ? lo : Math.min(0, Number.isFinite(hi) ? hi : 0);
  const natHi = Number.isFinite(hi) && hi < 1e6 ? hi : Math.max(natLo, 0) + 100;
  const raw = natLo + ctx.rand() * (natHi - natLo);
  if (integer) return Math.min(Math.floor(natHi), Math.max(Math.ceil(natLo), Math.round(raw)));
  return Math.min(natHi, Math.max(natLo, Math.round(raw * 100) / 100));
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;
const PHONE = /\+?\d[\d\s().-]{7,16}\d/;
const NAME_LABEL = /(?:^|\n)[ \t]*(?:[Ff]ull[ \t]+)?[Nn]ame[ \t]*[:-][ \t]*([A-Z][a-zA-Z'’-]+(?:[ \t]+[A-Z][a-zA-Z'’-]+){0,3})/;
// A line that starts with 2 to 4 capitalised words (PDF text often runs the name into the next line).
const NAME_START = /^\s*([A-Z][a-zA-Z'’-]+(?:[ \t]+[A-Z][a-zA-Z'’-]+){1,3})(?=[\s,|]|$)/m;

function fromMessage(key: string, user: string): string | null {
  if (/e-?mail/i.test(key)) return EMAIL.exec(user)?.[0] ?? null;
  if (/phone|mobile/i.test(key)) {
    const m = PHONE.exec(user)?.[0];
    return m ? m.replace(/[\s().-]/g, '') : null;
  }
  if (/(^|_)(full_?|candidate_?)?name$|^(full|candidate)Name$/i.test(key)) return (NAME_LABEL.exec(user) ?? NAME_START.exec(user))?.[1]?.trim() ?? null;
  return null;
}

function fitsString(schema: JsonSchema, value: string): boolean {
  if (typeof schema.minLength === 'number' && value.length < schema.minLength) return false;
  if (typeof schema.maxLength === 'number' && value.length > schema.maxLength) return false;
  return !Array.isArray(schema.enum) || schema.enum.includes(value);
}

function genString(schema: JsonSchema, ctx: Ctx, key: string | null): string {
  const found = key ? fromMessage(key, ctx.user) : null;
  if (found && fitsString(schema, found)) return found;
  const seq = Math.floor(ctx.rand() * 1e6);
  const formatted = byFormat(schema.format, seq);
  if (formatted !== null && fitsString(schema, formatted)) return formatted;
  const [minLength, maxLength] = bounds(schema.minLength, schema.maxLength, 0, 80);
  let text = `${key ?? 'value'} ${pick(WORDS, ctx)} ${pick(WORDS, ctx)}`;
  while (text.length < minLength) text += ` ${pick(WORDS, ctx)}`;
  return text.slice(0, maxLength).padEnd(minLength, 'x');
}

function byFormat(format: unknown, seq: number): string | null {
  const day = new Date(Date.UTC(2026, 0, 1) + (seq % 365) * 86_400_000);
  switch (format) {
    case 'email':
      return `candidate${seq}@example.com`;
    case 'date-time':
      return day.toISOString();
    case 'date':
      return day.toISOString().slice(0, 10);
    case 'uri':
    case 'url':
      return `https://example.com/${seq}`;
    case 'uuid':
      return `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`;
    default:
      return null;
  }
}

/** The known skills a message names, in KNOWN_SKILLS order. */
export function skillsIn(text: string): string[] {
  return KNOWN_SKILLS.filter((skill) => new RegExp(`(^|[^A-Za-z0-9+])${skill.replace(/[.+*?^$()[\]{}|\\]/g, '\\$&')}(?![A-Za-z0-9+])`, skill.length <= 2 ? '' : 'i').test(text));
}
