// The real S3 client (@aws-sdk/client-s3). Against any endpoint that is not AWS (our simulator,
// MinIO and the like) it uses path-style URLs and computes checksums only when an operation
// requires one: the SDK's default CRC32 breaks puts there and would bake an empty-body
// checksum into presigned PUT URLs.
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { MAX_PRESIGN_SECONDS, type ObjectStore } from './interface.js';

export interface S3ClientOptions {
  bucket: string;
  region: string;
  /** Absent: AWS itself. Present: a non-AWS server (path-style, checksums when required). */
  endpoint?: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Per-attempt socket timeout for api calls (not for presigned URLs). Default 10 s. */
  timeoutMs?: number;
  maxAttempts?: number;
}

function isNotFound(err: unknown): boolean {
  return err instanceof S3ServiceException && (err.$metadata.httpStatusCode === 404 || err.name === 'NotFound' || err.name === 'NoSuchKey' || err.name === 'NoSuchBucket');
}

function checkExpiry(seconds: number) {
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > MAX_PRESIGN_SECONDS) throw new RangeError(`expiresInSeconds must be 1..${MAX_PRESIGN_SECONDS}`);
}

/** RFC 6266 Content-Disposition with an ASCII fallback and the UTF-8 name. */
export function attachmentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function createS3ObjectStore(opts: S3ClientOptions): ObjectStore {
  const custom = opts.endpoint !== undefined;
  const client = new S3Client({
    region: opts.region,
    credentials: { accessKeyId: opts.accessKeyId, secretAccessKey: opts.secretAccessKey },
    maxAttempts: opts.maxAttempts ?? 3,
    requestHandler: { requestTimeout: opts.timeoutMs ?? 10_000, connectionTimeout: opts.timeoutMs ?? 10_000 },
    ...(custom ? { endpoint: opts.endpoint, forcePathStyle: true, requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' } : {}),
  });
  const Bucket = opts.bucket;

  return {
    bucket: Bucket,

    async presignPut(key, { contentType, contentLength, expiresInSeconds }) {
      checkExpiry(expiresInSeconds);
      const command = new PutObjectCommand({ Bucket, Key: key, ContentType: contentType, ...(contentLength === undefined ? {} : { ContentLength: contentLength }) });
      // The presigner leaves Content-Type unsigned by default; signing it (and the length)
      // makes the store refuse an upload of another type or size.
      const signableHeaders = new Set(['content-type', ...(contentLength === undefined ? [] : ['content-length'])]);
      const url = await getSignedUrl(client, command, { expiresIn: expiresInSeconds, signableHeaders });
      const headers: Record<string, string> = { 'content-type': contentType };
      if (contentLength !== undefined) headers['content-length'] = String(contentLength);
      return { url, method: 'PUT', headers, expiresAt: new Date(Date.now() + expiresInSeconds * 1000) };
    },

    async presignGet(key, { expiresInSeconds, downloadName }) {
      checkExpiry(expiresInSeconds);
      const command = new GetObjectCommand({ Bucket, Key: key, ...(downloadName ? { ResponseContentDisposition: attachmentDisposition(downloadName) } : {}) });
      const url = await getSignedUrl(client, command, { expiresIn: expiresInSeconds });
      return { url, expiresAt: new Date(Date.now() + expiresInSeconds * 1000) };
    },

    async putObject(key, body, { contentType }) {
      await client.send(new PutObjectCommand({ Bucket, Key: key, Body: body, ContentType: contentType, ContentLength: body.byteLength }));
    },

    async getObject(key) {
      try {
        const out = await client.send(new GetObjectCommand({ Bucket, Key: key }));
        const bytes = out.Body ? await out.Body.transformToByteArray() : new Uint8Array(0);
        return { body: bytes, contentType: out.ContentType ?? null };
      } catch (err) {
        if (isNotFound(err)) return null;
        throw err;
      }
    },

    async head(key) {
      try {
        const out = await client.send(new HeadObjectCommand({ Bucket, Key: key }));
        return { sizeBytes: out.ContentLength ?? 0, contentType: out.ContentType ?? null, etag: out.ETag ?? null };
      } catch (err) {
        if (isNotFound(err)) return null;
        throw err;
      }
    },

    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket, Key: key }));
    },

    async ensureBucket() {
      try {
        await client.send(new HeadBucketCommand({ Bucket }));
        return;
      } catch (err) {
        if (!isNotFound(err)) throw err;
      }
      try {
        await client.send(new CreateBucketCommand({ Bucket }));
      } catch (err) {
        if (!(err instanceof S3ServiceException && err.name === 'BucketAlreadyOwnedByYou')) throw err;
      }
    },
  };
}
