// The real AWS SDK against the local S3 simulator: presigned PUT from a plain HTTP client,
// HEAD, presigned GET (with Range and a download name), delete, header-signed put/get of whole
// objects; and the simulator refuses what
// S3 refuses: a tampered or expired URL, another Content-Type or length than was signed, a
// wrong secret. Its SigV4 check is also held to AWS's own documented examples.
import { createHash } from 'node:crypto';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3ObjectStore, type ObjectStore } from '../../providers/s3/index.js';
import { S3_SIM_CREDENTIALS, startS3Simulator, type S3Simulator } from '../../providers/s3/simulator.js';
import { verifySigV4 } from '../../providers/s3/simulator-sigv4.js';

const REGION = 'ap-south-1';
let sim: S3Simulator;
let s3: ObjectStore;
const store = (over: Partial<Parameters<typeof createS3ObjectStore>[0]> = {}) =>
  createS3ObjectStore({ endpoint: sim.endpoint, region: REGION, bucket: 'provider-test', ...S3_SIM_CREDENTIALS, timeoutMs: 5_000, maxAttempts: 1, ...over });

beforeAll(async () => {
  sim = await startS3Simulator({ region: REGION });
  s3 = store();
  await s3.ensureBucket();
});
afterAll(() => sim.close());

const bytes = (n: number, seed = 7) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed) % 256);
const put = (url: string, body: Uint8Array, contentType: string) => fetch(url, { method: 'PUT', body, headers: { 'content-type': contentType } });
const errorCode = async (res: Response) => /<Code>([^<]+)<\/Code>/.exec(await res.text())?.[1];

describe('S3 provider against the simulator', () => {
  it('ensureBucket creates the bucket once and is then a no-op', async () => {
    const other = store({ bucket: 'made-by-ensure' });
    await other.ensureBucket();
    await other.ensureBucket();
    expect(sim.requests().filter((r) => r.method === 'PUT' && r.path.startsWith('/made-by-ensure'))).toHaveLength(1);
  });

  it('a presigned PUT uploads, HEAD sees it, a presigned GET returns the same bytes', async () => {
    const key = 'recordings/slot-1/rec 1 (ü).webm';
    const body = bytes(70_000);
    const upload = await s3.presignPut(key, { contentType: 'video/webm', contentLength: body.length, expiresInSeconds: 60 });
    expect(upload.headers).toEqual({ 'content-type': 'video/webm', 'content-length': String(body.length) });
    // Checksums only when required: no CRC baked into the URL.
    expect(upload.url).not.toMatch(/checksum/i);
    expect(new URL(upload.url).searchParams.get('X-Amz-SignedHeaders')).toBe('content-length;content-type;host');

    const res = await put(upload.url, body, 'video/webm');
    expect(res.status).toBe(200);
    const md5 = createHash('md5').update(body).digest('hex');
    expect(res.headers.get('etag')).toBe(`"${md5}"`);

    expect(await s3.head(key)).toEqual({ sizeBytes: body.length, contentType: 'video/webm', etag: `"${md5}"` });

    const download = await s3.presignGet(key, { expiresInSeconds: 60, downloadName: 'Meeting ü.webm' });
    const got = await fetch(download.url);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('video/webm');
    expect(got.headers.get('content-disposition')).toBe(`attachment; filename="Meeting _.webm"; filename*=UTF-8''Meeting%20%C3%BC.webm`);
    expect(new Uint8Array(await got.arrayBuffer())).toEqual(body);

    const part = await fetch(download.url, { headers: { range: 'bytes=100-199' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 100-199/${body.length}`);
    expect(new Uint8Array(await part.arrayBuffer())).toEqual(body.slice(100, 200));
  });

  it('delete removes the object; deleting again succeeds; HEAD and GET then find nothing', async () => {
    const key = 'recordings/slot-2/gone.mp4';
    const upload = await s3.presignPut(key, { contentType: 'video/mp4', expiresInSeconds: 60 });
    expect((await put(upload.url, bytes(10), 'video/mp4')).status).toBe(200);
    const download = await s3.presignGet(key, { expiresInSeconds: 60 });
    await s3.delete(key);
    await s3.delete(key);
    expect(await s3.head(key)).toBeNull();
    const res = await fetch(download.url);
    expect(res.status).toBe(404);
    expect(await errorCode(res)).toBe('NoSuchKey');
  });

  it('the signature binds the Content-Type and the declared length', async () => {
    const key = 'recordings/slot-3/bound.webm';
    const upload = await s3.presignPut(key, { contentType: 'audio/webm', contentLength: 16, expiresInSeconds: 60 });
    const wrongType = await put(upload.url, bytes(16), 'text/html');
    expect(wrongType.status).toBe(403);
    expect(await errorCode(wrongType)).toBe('SignatureDoesNotMatch');
    const wrongLength = await put(upload.url, bytes(17), 'audio/webm');
    expect(wrongLength.status).toBe(403);
    expect(await s3.head(key)).toBeNull();
    expect((await put(upload.url, bytes(16), 'audio/webm')).status).toBe(200);
  });

  it('refuses a tampered URL, an expired one, a wrong secret, an unknown key, and anonymous requests', async () => {
    const key = 'recordings/slot-4/x.webm';
    const upload = await s3.presignPut(key, { contentType: 'video/webm', expiresInSeconds: 60 });
    const otherKey = upload.url.replace('/x.webm?', '/y.webm?');
    expect(await errorCode(await put(otherKey, bytes(4), 'video/webm'))).toBe('SignatureDoesNotMatch');
    const longer = upload.url.replace(/X-Amz-Expires=\d+/, 'X-Amz-Expires=600');
    expect(await errorCode(await put(longer, bytes(4), 'video/webm'))).toBe('SignatureDoesNotMatch');
    expect(await errorCode(await fetch(`${sim.endpoint}/provider-test/${key}`))).toBe('AccessDenied');

    await expect(store({ secretAccessKey: 'not-the-secret' }).head(key)).rejects.toMatchObject({ $metadata: { httpStatusCode: 403 } });
    await expect(store({ accessKeyId: 'NOBODY' }).head(key)).rejects.toMatchObject({ $metadata: { httpStatusCode: 403 } });
    const forged = await store({ secretAccessKey: 'not-the-secret' }).presignGet(key, { expiresInSeconds: 60 });
    expect(await errorCode(await fetch(forged.url))).toBe('SignatureDoesNotMatch');

    const short = await s3.presignGet(key, { expiresInSeconds: 1 });
    await new Promise((r) => setTimeout(r, 2_100));
    const expired = await fetch(short.url);
    expect(expired.status).toBe(403);
    expect(await expired.text()).toMatch(/Request has expired/);
  });

  it('putObject and getObject round-trip bytes with header-signed requests; a missing key reads as null', async () => {
    const key = 'resumes/job-1/4b6c (ü).pdf';
    const body = bytes(40_000, 3);
    const before = sim.requests().length;
    await s3.putObject(key, body, { contentType: 'application/pdf' });
    expect(await s3.getObject(key)).toEqual({ body, contentType: 'application/pdf' });
    expect(await s3.head(key)).toMatchObject({ sizeBytes: body.length, contentType: 'application/pdf' });
    expect(sim.requests().slice(before).map((r) => `${r.method} ${r.status}`)).toEqual(['PUT 200', 'GET 200', 'HEAD 200']);
    await s3.putObject(key, bytes(10), { contentType: 'application/pdf' });
    expect((await s3.getObject(key))!.body).toEqual(bytes(10));
    await s3.delete(key);
    expect(await s3.getObject(key)).toBeNull();
  });

  it('refuses a header-signed put or get with the wrong secret, and a body that differs from its signed hash', async () => {
    const key = 'resumes/job-2/x.pdf';
    const forged = store({ secretAccessKey: 'not-the-secret' });
    await expect(forged.putObject(key, bytes(8), { contentType: 'application/pdf' })).rejects.toMatchObject({ name: 'SignatureDoesNotMatch', $metadata: { httpStatusCode: 403 } });
    expect(await s3.head(key)).toBeNull();
    await s3.putObject(key, bytes(8), { contentType: 'application/pdf' });
    await expect(forged.getObject(key)).rejects.toMatchObject({ $metadata: { httpStatusCode: 403 } });

    // Swap the body after the SDK has signed it (same length): the signed payload hash no longer matches.
    const client = new S3Client({ region: REGION, endpoint: sim.endpoint, forcePathStyle: true, credentials: S3_SIM_CREDENTIALS, requestChecksumCalculation: 'WHEN_REQUIRED', maxAttempts: 1 });
    client.middlewareStack.add(
      (next) => async (args) => {
        (args.request as { body: unknown }).body = bytes(8, 99);
        return next(args);
      },
      { step: 'finalizeRequest', priority: 'low', name: 'swapBodyAfterSigning' },
    );
    await expect(client.send(new PutObjectCommand({ Bucket: 'provider-test', Key: key, Body: bytes(8, 1), ContentType: 'application/pdf' }))).rejects.toMatchObject({ name: 'XAmzContentSHA256Mismatch' });
    expect((await s3.getObject(key))!.body).toEqual(bytes(8));
  });

  it('refuses presigned URLs outside 1 s .. 7 days', async () => {
    await expect(s3.presignGet('k', { expiresInSeconds: 0 })).rejects.toThrow(RangeError);
    await expect(s3.presignPut('k', { contentType: 'video/webm', expiresInSeconds: 8 * 24 * 3600 })).rejects.toThrow(RangeError);
  });
});

describe('the simulator’s SigV4 check against AWS’s documented examples', () => {
  // From the Amazon S3 API reference, "Authenticating Requests (AWS Signature Version 4)".
  const secretFor = (id: string) => (id === 'AKIAIOSFODNN7EXAMPLE' ? 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' : undefined);
  const now = new Date('2013-05-24T00:00:30Z');

  it('accepts the example presigned GET and rejects it once altered', () => {
    const rawQuery =
      'X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404';
    const req = { method: 'GET', rawPath: '/test.txt', rawQuery, headers: { host: 'examplebucket.s3.amazonaws.com' } };
    expect(verifySigV4(req, { region: 'us-east-1', secretFor, now })).toMatchObject({ accessKeyId: 'AKIAIOSFODNN7EXAMPLE', presigned: true });
    expect(() => verifySigV4({ ...req, rawPath: '/test2.txt' }, { region: 'us-east-1', secretFor, now })).toThrow(/signature/);
    expect(() => verifySigV4(req, { region: 'us-east-1', secretFor, now: new Date('2013-05-25T00:00:01Z') })).toThrow(/expired/);
  });

  it('accepts the example header-signed GET with a Range', () => {
    const headers = {
      host: 'examplebucket.s3.amazonaws.com',
      range: 'bytes=0-9',
      'x-amz-content-sha256': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      'x-amz-date': '20130524T000000Z',
      authorization:
        'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    };
    expect(verifySigV4({ method: 'GET', rawPath: '/test.txt', rawQuery: '', headers }, { region: 'us-east-1', secretFor, now })).toMatchObject({ presigned: false });
    expect(() => verifySigV4({ method: 'GET', rawPath: '/test.txt', rawQuery: '', headers: { ...headers, range: 'bytes=0-99' } }, { region: 'us-east-1', secretFor, now })).toThrow(/signature/);
  });
});
