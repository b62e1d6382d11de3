// A local S3 speaking the same HTTP (path-style) over the filesystem, so the real SDK runs in
// dev and tests. It verifies every SigV4 signature (header and presigned query), which the
// dated s3rver does not. Enough of S3 for our use: CreateBucket/HeadBucket and
// PUT/GET (with Range)/HEAD/DELETE object, with S3's XML errors. Browser uploads get open CORS.
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { SigV4Error, UNSIGNED_PAYLOAD, parseQuery, verifySigV4 } from './simulator-sigv4.js';
import { SimObjectStore, isValidBucketName, type StoredObject } from './simulator-store.js';
import { startSimServer } from '../lib/sim-server.js';

/** The credentials s3rver made the convention for local S3 servers. */
export const S3_SIM_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;
/** S3's limit for a single PUT. */
const MAX_PUT_BYTES = 5 * 1024 ** 3;

export interface S3SimulatorOptions {
  /** Default 0: the OS picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Where objects live. Default: a fresh temporary directory, removed by close(). */
  directory?: string;
  region?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  /** Buckets to create at start. */
  buckets?: string[];
}

export interface S3Simulator {
  /** http://host:port, the SDK's endpoint. */
  endpoint: string;
  port: number;
  region: string;
  directory: string;
  /** Every request the simulator answered, newest last: method, path, status. */
  requests(): readonly { method: string; path: string; status: number }[];
  close(): Promise<void>;
}

class S3Problem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const xmlEscape = (s: string) => s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);

function headersOf(req: IncomingMessage): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(req.headers)) out[k] = Array.isArray(v) ? v.join(',') : v;
  return out;
}

/** bytes=a-b, bytes=a-, bytes=-n → inclusive range, or null when unsatisfiable/unsupported. */
function parseRange(header: string, size: number): { start: number; end: number } | null {
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  if (m[1] === '') {
    const n = Number(m[2]);
    return n === 0 || size === 0 ? null : { start: Math.max(0, size - n), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  return start >= size || end < start ? null : { start, end };
}

/** Query parameters S3 lets a signed GET use to override response headers. */
const RESPONSE_OVERRIDES: Record<string, string> = {
  'response-content-type': 'content-type',
  'response-content-disposition': 'content-disposition',
  'response-content-language': 'content-language',
  'response-content-encoding': 'content-encoding',
  'response-cache-control': 'cache-control',
  'response-expires': 'expires',
};

export async function startS3Simulator(opts: S3SimulatorOptions = {}): Promise<S3Simulator> {
  const region = opts.region ?? 'us-east-1';
  const accessKeyId = opts.accessKeyId ?? S3_SIM_CREDENTIALS.accessKeyId;
  const secretAccessKey = opts.secretAccessKey ?? S3_SIM_CREDENTIALS.secretAccessKey;
  const ownsDirectory = opts.directory === undefined;
  const directory = opts.directory ?? mkdtempSync(path.join(os.tmpdir(), 's3-sim-'));
  const store = new SimObjectStore(directory);
  for (const b of opts.buckets ?? []) {
    if (!isValidBucketName(b)) throw new Error(`Invalid bucket name: ${b}`);
    await store.createBucket(b);
  }
  const log: { method: string; path: string; status: number }[] = [];

  function objectHeaders(res: ServerResponse, o: StoredObject) {
    res.setHeader('content-type', o.contentType);
    res.setHeader('etag', o.etag);
    res.setHeader('last-modified', o.lastModified);
    res.setHeader('accept-ranges', 'bytes');
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const rawPath = q === -1 ? url : url.slice(0, q);
    const rawQuery = q === -1 ? '' : url.slice(q + 1);
    const method = req.method ?? 'GET';

    res.setHeader('x-amz-request-id', randomUUID().replaceAll('-', '').slice(0, 16).toUpperCase());
    // Browsers upload to presigned URLs directly; the dev store allows any origin (S3 needs a
    // bucket CORS rule for the same).
    if (req.headers.origin) {
      res.setHeader('access-control-allow-origin', req.headers.origin);
      res.setHeader('access-control-expose-headers', 'ETag, x-amz-request-id');
      res.setHeader('vary', 'Origin');
    }
    if (method === 'OPTIONS') {
      res.setHeader('access-control-allow-methods', 'GET, PUT, HEAD, DELETE');
      res.setHeader('access-control-allow-headers', req.headers['access-control-request-headers'] ?? '*');
      res.setHeader('access-control-max-age', '600');
      res.writeHead(200).end();
      return;
    }

    const segments = rawPath.split('/');
    const bucket = decodeURIComponent(segments[1] ?? '');
    const key = decodeURIComponent(segments.slice(2).join('/'));
    if (!bucket) throw new S3Problem(501, 'NotImplemented', 'ListBuckets is not supported by the simulator');

    const headers = headersOf(req);
    const auth = verifySigV4({ method, rawPath, rawQuery, headers }, { region, secretFor: (id) => (id === accessKeyId ? secretAccessKey : undefined) });
    const params = new Map(parseQuery(rawQuery));

    if (!(await store.hasBucket(bucket))) {
      if (key === '' && method === 'PUT') {
        if (!isValidBucketName(bucket)) throw new S3Problem(400, 'InvalidBucketName', 'The specified bucket is not valid.');
        req.resume(); // a CreateBucketConfiguration (LocationConstraint) body; the region is ours
        await store.createBucket(bucket);
        res.setHeader('location', `/${bucket}`);
        res.writeHead(200).end();
        return;
      }
      throw new S3Problem(404, 'NoSuchBucket', 'The specified bucket does not exist');
    }

    if (key === '') {
      if (method === 'HEAD') return void res.writeHead(200).end();
      if (method === 'PUT') throw new S3Problem(409, 'BucketAlreadyOwnedByYou', 'Your previous request to create the named bucket succeeded and you already own it.');
      throw new S3Problem(501, 'NotImplemented', `${method} on a bucket is not supported by the simulator`);
    }

    switch (method) {
      case 'PUT': {
        if (headers['x-amz-copy-source']) throw new S3Problem(501, 'NotImplemented', 'CopyObject is not supported by the simulator');
        if (params.has('uploadId') || params.has('partNumber')) throw new S3Problem(501, 'NotImplemented', 'Multipart upload is not supported by the simulator');
        const declared = headers['content-length'];
        if (declared === undefined) throw new S3Problem(411, 'MissingContentLength', 'You must provide the Content-Length HTTP header.');
        if (Number(declared) > MAX_PUT_BYTES) throw new S3Problem(400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size');
        const body = await store.receive(bucket, req);
        if (auth.payloadHash !== UNSIGNED_PAYLOAD && auth.payloadHash !== body.sha256) {
          await body.discard();
          throw new S3Problem(400, 'XAmzContentSHA256Mismatch', 'The provided x-amz-content-sha256 header does not match what was computed.');
        }
        const stored = await body.commit({ key, contentType: headers['content-type'] ?? 'binary/octet-stream' });
        res.setHeader('etag', stored.etag);
        res.writeHead(200).end();
        return;
      }
      case 'HEAD':
      case 'GET': {
        const o = await store.head(bucket, key);
        if (!o) {
          if (method === 'HEAD') return void res.writeHead(404).end();
          throw new S3Problem(404, 'NoSuchKey', 'The specified key does not exist.');
        }
        objectHeaders(res, o);
        for (const [param, header] of Object.entries(RESPONSE_OVERRIDES)) {
          const v = params.get(param);
          if (v !== undefined) res.setHeader(header, v);
        }
        const rangeHeader = headers.range;
        const range = rangeHeader && method === 'GET' ? parseRange(rangeHeader, o.sizeBytes) : null;
        if (rangeHeader && method === 'GET' && !range) {
          res.setHeader('content-range', `bytes */${o.sizeBytes}`);
          throw new S3Problem(416, 'InvalidRange', 'The requested range is not satisfiable');
        }
        if (range) {
          res.setHeader('content-range', `bytes ${range.start}-${range.end}/${o.sizeBytes}`);
          res.setHeader('content-length', String(range.end - range.start + 1));
          res.writeHead(206);
          await pipeline(store.read(bucket, key, range), res);
          return;
        }
        res.setHeader('content-length', String(o.sizeBytes));
        res.writeHead(200);
        if (method === 'HEAD' || o.sizeBytes === 0) return void res.end();
        await pipeline(store.read(bucket, key), res);
        return;
      }
      case 'DELETE':
        await store.delete(bucket, key);
        res.writeHead(204).end();
        return;
      default:
        throw new S3Problem(405, 'MethodNotAllowed', `${method} is not allowed against this resource.`);
    }
  }

  const server = await startSimServer((req, res) => {
    const pathOnly = (req.url ?? '/').split('?')[0]!;
    res.on('finish', () => log.push({ method: req.method ?? '', path: pathOnly, status: res.statusCode }));
    handle(req, res).catch((err: unknown) => {
      const problem = err instanceof S3Problem || err instanceof SigV4Error ? err : new S3Problem(500, 'InternalError', (err as Error).message);
      if (res.headersSent) return void res.destroy();
      // Drain an unread upload body so the client sees the answer instead of a reset.
      req.resume();
      const body = req.method === 'HEAD' ? '' : `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${problem.code}</Code><Message>${xmlEscape(problem.message)}</Message><Resource>${xmlEscape(pathOnly)}</Resource><RequestId>${res.getHeader('x-amz-request-id') as string}</RequestId></Error>`;
      res.writeHead(problem.status, { 'content-type': 'application/xml' }).end(body);
    });
  }, { port: opts.port, host: opts.host });

  return {
    endpoint: server.origin,
    port: server.port,
    region,
    directory,
    requests: () => [...log],
    async close() {
      await server.close();
      if (ownsDirectory) await rm(directory, { recursive: true, force: true });
    },
  };
}
