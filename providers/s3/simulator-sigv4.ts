// AWS Signature Version 4 verification for the S3 simulator, written from the spec rather than
// borrowed from the SDK's signer, so a signing mistake in our client shows up as a 403 here as
// it would at S3. Covers both forms S3 accepts: the Authorization header and presigned query.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';
export const EMPTY_SHA256 = createHash('sha256').update('').digest('hex');
const ALGORITHM = 'AWS4-HMAC-SHA256';
/** S3 refuses header-signed requests whose clock is further off than this. */
const MAX_SKEW_MS = 15 * 60_000;
const MAX_EXPIRES_SECONDS = 7 * 24 * 3600;

export interface SigV4Request {
  method: string;
  /** The path exactly as it arrived (still percent-encoded). */
  rawPath: string;
  /** The query string exactly as it arrived, without '?'. */
  rawQuery: string;
  /** Lower-case names; repeated headers joined with ','. */
  headers: Record<string, string | undefined>;
}

export interface SigV4Verified {
  accessKeyId: string;
  /** The payload hash the signature covers: a hex SHA-256 the body must match, or UNSIGNED-PAYLOAD. */
  payloadHash: string;
  presigned: boolean;
}

export class SigV4Error extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** RFC 3986 percent-encoding, as SigV4 canonicalisation requires. */
export function uriEncode(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    throw new SigV4Error(400, 'InvalidArgument', 'Malformed percent-encoding in the query string');
  }
}

export function parseQuery(rawQuery: string): [string, string][] {
  if (!rawQuery) return [];
  return rawQuery
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const i = pair.indexOf('=');
      return i === -1 ? [decode(pair), ''] : [decode(pair.slice(0, i)), decode(pair.slice(i + 1))];
    });
}

function canonicalQuery(pairs: [string, string][]): string {
  return pairs
    .map(([k, v]) => [uriEncode(k), uriEncode(v)] as const)
    .sort(([ak, av], [bk, bv]) => (ak < bk ? -1 : ak > bk ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
}

function canonicalHeaderValue(v: string | undefined): string {
  return (v ?? '').replace(/[\r\n]/g, ' ').replace(/[ \t]+/g, ' ').trim();
}

const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();
const sha256hex = (data: string) => createHash('sha256').update(data, 'utf8').digest('hex');

function signingKey(secret: string, date: string, region: string, service: string): Buffer {
  return hmac(hmac(hmac(hmac(`AWS4${secret}`, date), region), service), 'aws4_request');
}

/** 20240102T030405Z → Date. */
function parseAmzDate(s: string | undefined): Date {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(s ?? '');
  if (!m) throw new SigV4Error(403, 'AccessDenied', 'X-Amz-Date is missing or malformed');
  return new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!));
}

interface Parsed {
  accessKeyId: string;
  scopeDate: string;
  scopeRegion: string;
  scopeService: string;
  signedHeaders: string[];
  signature: string;
  amzDate: string;
}

function parseCredential(credential: string, signedHeaders: string, signature: string, amzDate: string): Parsed {
  const parts = credential.split('/');
  if (parts.length !== 5 || parts[4] !== 'aws4_request') throw new SigV4Error(400, 'AuthorizationHeaderMalformed', 'The credential scope is malformed');
  const [accessKeyId, scopeDate, scopeRegion, scopeService] = parts as [string, string, string, string];
  const names = signedHeaders.split(';').filter(Boolean);
  if (!names.includes('host')) throw new SigV4Error(400, 'AuthorizationHeaderMalformed', 'SignedHeaders must include host');
  if (!/^[0-9a-f]{64}$/.test(signature)) throw new SigV4Error(403, 'SignatureDoesNotMatch', 'The signature is malformed');
  return { accessKeyId, scopeDate, scopeRegion, scopeService, signedHeaders: names, signature, amzDate };
}

export interface VerifyOptions {
  region: string;
  /** accessKeyId → secret; an unknown id is InvalidAccessKeyId. */
  secretFor(accessKeyId: string): string | undefined;
  now?: Date;
}

/** Verifies a request's SigV4 signature; throws SigV4Error with S3's code when it fails. */
export function verifySigV4(req: SigV4Request, opts: VerifyOptions): SigV4Verified {
  const now = opts.now ?? new Date();
  const query = parseQuery(req.rawQuery);
  const q = (name: string) => query.find(([k]) => k === name)?.[1];
  const auth = req.headers.authorization;
  let parsed: Parsed;
  let payloadHash: string;
  let canonicalPairs = query;
  const presigned = q('X-Amz-Signature') !== undefined;

  if (presigned) {
    if (q('X-Amz-Algorithm') !== ALGORITHM) throw new SigV4Error(400, 'AuthorizationQueryParametersError', `X-Amz-Algorithm must be ${ALGORITHM}`);
    const credential = q('X-Amz-Credential');
    const signedHeaders = q('X-Amz-SignedHeaders');
    const expires = Number(q('X-Amz-Expires'));
    if (!credential || !signedHeaders) throw new SigV4Error(400, 'AuthorizationQueryParametersError', 'X-Amz-Credential and X-Amz-SignedHeaders are required');
    if (!Number.isInteger(expires) || expires < 1 || expires > MAX_EXPIRES_SECONDS) {
      throw new SigV4Error(400, 'AuthorizationQueryParametersError', `X-Amz-Expires must be 1..${MAX_EXPIRES_SECONDS}`);
    }
    parsed = parseCredential(credential, signedHeaders, q('X-Amz-Signature')!, q('X-Amz-Date') ?? '');
    const signedAt = parseAmzDate(parsed.amzDate);
    if (signedAt.getTime() > now.getTime() + MAX_SKEW_MS) throw new SigV4Error(403, 'AccessDenied', 'Request is not valid yet');
    if (now.getTime() > signedAt.getTime() + expires * 1000) throw new SigV4Error(403, 'AccessDenied', 'Request has expired');
    payloadHash = q('X-Amz-Content-Sha256') ?? UNSIGNED_PAYLOAD;
    canonicalPairs = query.filter(([k]) => k !== 'X-Amz-Signature');
  } else if (auth) {
    const m = /^AWS4-HMAC-SHA256 Credential=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([^,\s]+)$/.exec(auth.trim());
    if (!m) throw new SigV4Error(400, 'AuthorizationHeaderMalformed', `The Authorization header must be ${ALGORITHM} Credential=…, SignedHeaders=…, Signature=…`);
    parsed = parseCredential(m[1]!, m[2]!, m[3]!, req.headers['x-amz-date'] ?? '');
    const signedAt = parseAmzDate(parsed.amzDate);
    if (Math.abs(now.getTime() - signedAt.getTime()) > MAX_SKEW_MS) throw new SigV4Error(403, 'RequestTimeTooSkewed', 'The difference between the request time and the current time is too large');
    const declared = req.headers['x-amz-content-sha256'];
    if (!declared) throw new SigV4Error(400, 'InvalidRequest', 'Missing required header for this request: x-amz-content-sha256');
    if (declared !== UNSIGNED_PAYLOAD && !/^[0-9a-f]{64}$/.test(declared)) {
      throw new SigV4Error(501, 'NotImplemented', `x-amz-content-sha256 ${declared} is not supported by the simulator (streaming uploads are not)`);
    }
    payloadHash = declared;
  } else {
    throw new SigV4Error(403, 'AccessDenied', 'Anonymous access is not allowed');
  }

  const secret = opts.secretFor(parsed.accessKeyId);
  if (secret === undefined) throw new SigV4Error(403, 'InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.');
  if (parsed.scopeService !== 's3') throw new SigV4Error(400, 'AuthorizationHeaderMalformed', `The credential scope service must be s3, not ${parsed.scopeService}`);
  if (parsed.scopeRegion !== opts.region) throw new SigV4Error(400, 'AuthorizationHeaderMalformed', `The region '${parsed.scopeRegion}' is wrong; expecting '${opts.region}'`);
  if (parsed.scopeDate !== parsed.amzDate.slice(0, 8)) throw new SigV4Error(403, 'SignatureDoesNotMatch', 'The credential scope date does not match X-Amz-Date');

  const canonicalRequest = [
    req.method,
    req.rawPath || '/',
    canonicalQuery(canonicalPairs),
    parsed.signedHeaders.map((h) => `${h}:${canonicalHeaderValue(req.headers[h])}\n`).join(''),
    parsed.signedHeaders.join(';'),
    payloadHash,
  ].join('\n');
  const scope = `${parsed.scopeDate}/${parsed.scopeRegion}/s3/aws4_request`;
  const stringToSign = [ALGORITHM, parsed.amzDate, scope, sha256hex(canonicalRequest)].join('\n');
  const expected = createHmac('sha256', signingKey(secret, parsed.scopeDate, parsed.scopeRegion, 's3')).update(stringToSign, 'utf8').digest();
  const given = Buffer.from(parsed.signature, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new SigV4Error(403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided. Check your key and signing method.');
  }
  return { accessKeyId: parsed.accessKeyId, payloadHash, presigned };
}
