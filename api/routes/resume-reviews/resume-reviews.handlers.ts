// Resume review requests over HTTP; services/resume-reviews/ holds the rules and the ledger.
import type { RouteConfig, RouteHandler } from '@hono/zod-openapi';
import * as svc from '../../../services/resume-reviews/resume-reviews.js';
import { grantResumeTokens } from '../../../services/resume-reviews/resume-token-grants.js';
import type { AppEnv } from '../../deps.js';
import { keyset, keysetOn, toPage } from '../../pagination.js';
import type * as r from './resume-reviews.routes.js';

type H<R extends RouteConfig> = RouteHandler<R, AppEnv>;
const page = (rows: Parameters<typeof svc.toReviewView>[0][], limit: number) => {
  const { items, nextCursor } = toPage(rows, limit);
  return { items: items.map(svc.toReviewView), nextCursor };
};

export const uploadHandler: H<typeof r.uploadRoute> = async (c) => c.json(await svc.resumeUploadUrl(c.get('deps'), c.get('auth')!, c.req.valid('json')), 201);
export const requestHandler: H<typeof r.requestRoute> = async (c) => {
  const answer = await svc.requestReview(c.get('deps'), c.get('auth')!, c.req.valid('json'));
  return answer.created ? c.json(answer, 201) : c.json(answer, 200);
};

export const mineHandler: H<typeof r.mineRoute> = async (c) => {
  const { cursor, limit, ...f } = c.req.valid('query');
  return c.json(page(await svc.myReviews(c.get('deps'), c.get('auth')!, f, { ...keyset(cursor), take: limit + 1 }), limit), 200);
};
export const assignedHandler: H<typeof r.assignedRoute> = async (c) => {
  const { cursor, limit, ...f } = c.req.valid('query');
  return c.json(page(await svc.assignedReviews(c.get('deps'), c.get('auth')!, f, { ...keyset(cursor), take: limit + 1 }), limit), 200);
};
export const queueHandler: H<typeof r.queueRoute> = async (c) => {
  const { cursor, limit } = c.req.valid('query');
  return c.json(page(await svc.reviewQueue(c.get('deps'), { ...keysetOn('createdAt', 'asc', cursor), take: limit + 1 }), limit), 200);
};
export const adminListHandler: H<typeof r.adminListRoute> = async (c) => {
  const { cursor, limit, ...f } = c.req.valid('query');
  return c.json(page(await svc.allReviews(c.get('deps'), f, { ...keyset(cursor), take: limit + 1 }), limit), 200);
};

export const getHandler: H<typeof r.getRoute> = async (c) => c.json(await svc.getReview(c.get('deps'), c.get('auth')!, c.req.valid('param').id), 200);
export const resumeDownloadHandler: H<typeof r.resumeDownloadRoute> = async (c) => c.json(await svc.reviewDownload(c.get('deps'), c.get('auth')!, c.req.valid('param').id, 'resume'), 200);
export const reviewedDownloadHandler: H<typeof r.reviewedDownloadRoute> = async (c) => c.json(await svc.reviewDownload(c.get('deps'), c.get('auth')!, c.req.valid('param').id, 'reviewed'), 200);

export const cancelHandler: H<typeof r.cancelRoute> = async (c) => c.json(await svc.cancelReview(c.get('deps'), c.get('auth')!, c.req.valid('param').id), 200);
export const claimHandler: H<typeof r.claimRoute> = async (c) => c.json(await svc.claimReview(c.get('deps'), c.get('auth')!, c.req.valid('param').id), 200);
export const releaseHandler: H<typeof r.releaseRoute> = async (c) => c.json(await svc.releaseReview(c.get('deps'), c.get('auth')!, c.req.valid('param').id), 200);
export const startHandler: H<typeof r.startRoute> = async (c) => c.json(await svc.startReview(c.get('deps'), c.get('auth')!, c.req.valid('param').id), 200);
export const reviewedUploadHandler: H<typeof r.reviewedUploadRoute> = async (c) => c.json(await svc.reviewedUploadUrl(c.get('deps'), c.get('auth')!, c.req.valid('param').id, c.req.valid('json')), 201);
export const completeHandler: H<typeof r.completeRoute> = async (c) => c.json(await svc.completeReview(c.get('deps'), c.get('auth')!, c.req.valid('param').id, c.req.valid('json')), 200);

export const grantHandler: H<typeof r.grantRoute> = async (c) => {
  const grant = await grantResumeTokens(c.get('deps'), c.get('auth')!, c.req.valid('param').id, c.req.valid('json'));
  return grant.created ? c.json(grant, 201) : c.json(grant, 200);
};
