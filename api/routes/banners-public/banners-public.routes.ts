import { createRoute } from '@hono/zod-openapi';
import { publicRoute } from '../../middleware/auth.js';
import { jsonResponse, problemResponse } from '../../openapi.js';
import { FeedQuery, FeedView, IdParam } from '../banners/banners.schemas.js';

const TAGS = ['Banners (public)'];

export const bannerFeedRoute = createRoute({
  method: 'get',
  path: '/api/public/banners',
  tags: TAGS,
  summary: 'The sticky and popup banners live now on this platform (x-platform) and page, with the settings to show them by',
  description:
    'Banners that are switched on and inside their scheduling window (startsAt inclusive, endsAt exclusive), for this platform or every platform, on a page one of whose ' +
    'prefixes they target (or every page) and for the visitor’s audience. The answer has a strong ETag (send it back in If-None-Match for a 304) and ' +
    'Cache-Control: public, max-age at most 60 s and never past the next window start or end.',
  ...publicRoute,
  request: { query: FeedQuery },
  responses: {
    200: { ...jsonResponse('The live banners', FeedView), headers: { ETag: { schema: { type: 'string' } }, 'Cache-Control': { schema: { type: 'string' } } } },
    304: { description: 'Not modified: the If-None-Match tag is current', headers: { ETag: { schema: { type: 'string' } }, 'Cache-Control': { schema: { type: 'string' } } } },
    400: problemResponse('Invalid query or platform'),
  },
});

export const popupImageRoute = createRoute({
  method: 'get',
  path: '/api/public/banners/popups/{id}/image',
  tags: TAGS,
  summary: 'An active popup’s uploaded image: a redirect to a short-lived download URL',
  ...publicRoute,
  request: { params: IdParam },
  responses: { 302: { description: 'To the image (Location)' }, 400: problemResponse('Invalid id'), 404: problemResponse('No such active popup with an uploaded image') },
});
