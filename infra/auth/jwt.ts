// Access tokens: EdDSA (Ed25519) JWTs made with jose. The algorithm is pinned on verify,
// and iss, aud and exp are checked; anything else is refused with one generic error.
import { randomUUID } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { exportPKCS8, exportSPKI, generateKeyPair, importPKCS8, importSPKI, jwtVerify, SignJWT, type CryptoKey } from 'jose';
import type { Role } from '../../domain/auth/roles.js';

export const JWT_ALG = 'EdDSA';

export interface AccessClaims {
  sub: string;
  role: Role;
  /** passwordChangedAt (ms) when the token was issued; a later change invalidates it. */
  pwd: number;
}

export interface JwtService {
  sign(claims: AccessClaims): Promise<string>;
  verify(token: string): Promise<AccessClaims & { iat: number; exp: number }>;
  accessTtlSeconds: number;
}

export interface JwtKeys {
  privateKeyPem: string;
  publicKeyPem: string;
}

export async function generateJwtKeys(): Promise<JwtKeys> {
  const { privateKey, publicKey } = await generateKeyPair(JWT_ALG, { extractable: true, crv: 'Ed25519' });
  return { privateKeyPem: await exportPKCS8(privateKey), publicKeyPem: await exportSPKI(publicKey) };
}

/** Dev default: a key pair generated once into .data/ (never used when JWT_* env is set). */
export async function loadOrCreateDevKeys(file: string): Promise<JwtKeys> {
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as JwtKeys;
  const keys = await generateJwtKeys();
  mkdirSync(path.dirname(file), { recursive: true });
  // Several api processes may start at once (npm run start:scaled): write aside, then link into
  // place, which fails if another process got there first; everyone then uses that one pair.
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(keys), { mode: 0o600 });
  try {
    linkSync(tmp, file);
    return keys;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return JSON.parse(readFileSync(file, 'utf8')) as JwtKeys;
  } finally {
    unlinkSync(tmp);
  }
}

export async function createJwtService(opts: JwtKeys & { issuer: string; audience: string; accessTtlSeconds: number }): Promise<JwtService> {
  const privateKey: CryptoKey = await importPKCS8(opts.privateKeyPem, JWT_ALG);
  const publicKey: CryptoKey = await importSPKI(opts.publicKeyPem, JWT_ALG);
  return {
    accessTtlSeconds: opts.accessTtlSeconds,
    sign: (claims) =>
      new SignJWT({ role: claims.role, pwd: claims.pwd })
        .setProtectedHeader({ alg: JWT_ALG, typ: 'JWT' })
        .setSubject(claims.sub)
        .setJti(randomUUID())
        .setIssuer(opts.issuer)
        .setAudience(opts.audience)
        .setIssuedAt()
        .setExpirationTime(`${opts.accessTtlSeconds}s`)
        .sign(privateKey),
    async verify(token) {
      const { payload } = await jwtVerify(token, publicKey, { algorithms: [JWT_ALG], issuer: opts.issuer, audience: opts.audience, requiredClaims: ['sub', 'exp', 'iat'] });
      return payload as unknown as AccessClaims & { iat: number; exp: number };
    },
  };
}
