// The college directory over HTTP; services/lms/colleges.ts holds the search and the rules.
import type { RouteHandler } from '@hono/zod-openapi';
import { DomainError } from '../../../domain/errors.js';
import { createCollege, searchColleges, toCollegeView, updateCollege, type CollegeSearch } from '../../../services/lms/colleges.js';
import type { AppEnv } from '../../deps.js';
import type { adminListCollegesRoute, createCollegeRoute, searchCollegesRoute, updateCollegeRoute } from './lms-colleges.routes.js';

// The directory is alphabetical, so its cursor is (name, id) rather than the default (createdAt, id).
const encode = (c: { name: string; id: string }) => Buffer.from(JSON.stringify([c.name, c.id])).toString('base64url');
function decode(cursor: string | undefined) {
  if (!cursor) return undefined;
  try {
    const [name, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    if (typeof name !== 'string' || typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id)) throw new Error('bad cursor');
    return { name, id };
  } catch {
    throw new DomainError('VALIDATION_FAILED', 'The cursor is not valid', [{ path: 'query.cursor', message: 'Invalid cursor' }]);
  }
}

async function page(c: { get: <K extends keyof AppEnv['Variables']>(key: K) => AppEnv['Variables'][K] }, f: CollegeSearch, cursor: string | undefined, limit: number) {
  const rows = await searchColleges(c.get('deps'), f, { after: decode(cursor), take: limit + 1 });
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items: items.map(toCollegeView), nextCursor: rows.length > limit && last ? encode(last) : null };
}

export const searchCollegesHandler: RouteHandler<typeof searchCollegesRoute, AppEnv> = async (c) => {
  const { cursor, limit, q, state } = c.req.valid('query');
  return c.json(await page(c, { q, state }, cursor, limit), 200);
};

export const adminListCollegesHandler: RouteHandler<typeof adminListCollegesRoute, AppEnv> = async (c) => {
  const { cursor, limit, ...f } = c.req.valid('query');
  return c.json(await page(c, f, cursor, limit), 200);
};

export const createCollegeHandler: RouteHandler<typeof createCollegeRoute, AppEnv> = async (c) => c.json(await createCollege(c.get('deps'), c.req.valid('json')), 201);

export const updateCollegeHandler: RouteHandler<typeof updateCollegeRoute, AppEnv> = async (c) => c.json(await updateCollege(c.get('deps'), c.req.valid('param').id, c.req.valid('json')), 200);
