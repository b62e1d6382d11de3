// Banner images: staff upload them straight to the documents bucket through a presigned PUT
// (type and exact size signed), then attach the key to a popup. Visitors fetch an image through
// a stable api path that redirects to a short-lived presigned GET, so the banner feed itself
// holds no expiring URL and its ETag stays stable.
import { randomUUID } from 'node:crypto';
import { DomainError } from '../../domain/errors.js';
import type { ServiceDeps } from '../deps.js';

export const BANNER_IMAGE_PREFIX = 'banners/';
export const BANNER_IMAGE_TYPES = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp', 'image/gif': 'gif' } as const;
export type BannerImageType = keyof typeof BANNER_IMAGE_TYPES;
export const BANNER_IMAGE_MAX_BYTES = 2 * 1024 * 1024;
export const BANNER_UPLOAD_TTL_SECONDS = 900;
/** The redirect target's lifetime; the redirect itself is cached for less (see the route). */
export const BANNER_IMAGE_URL_TTL_SECONDS = 600;

export async function bannerImageUpload(deps: Pick<ServiceDeps, 'documents'>, body: { contentType: BannerImageType; sizeBytes: number }) {
  const key = `${BANNER_IMAGE_PREFIX}${randomUUID()}.${BANNER_IMAGE_TYPES[body.contentType]}`;
  const upload = await deps.documents.presignPut(key, { contentType: body.contentType, contentLength: body.sizeBytes, expiresInSeconds: BANNER_UPLOAD_TTL_SECONDS });
  return { key, upload: { url: upload.url, method: upload.method, headers: upload.headers, expiresAt: upload.expiresAt.toISOString() } };
}

/** The public path a popup's uploaded image is served at. */
export const popupImagePath = (id: string) => `/api/public/banners/popups/${id}/image`;

/** Where an active popup's uploaded image can be downloaded now; 404 for an inactive popup or one without an uploaded image. */
export async function popupImageUrl(deps: Pick<ServiceDeps, 'db' | 'documents'>, id: string): Promise<string> {
  const row = await deps.db.popupBanner.findUnique({ where: { id }, select: { isActive: true, imageS3Key: true } });
  if (!row?.isActive || !row.imageS3Key) throw new DomainError('NOT_FOUND', 'No such banner image');
  return (await deps.documents.presignGet(row.imageS3Key, { expiresInSeconds: BANNER_IMAGE_URL_TTL_SECONDS })).url;
}
