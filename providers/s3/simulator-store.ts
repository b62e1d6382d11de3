// The S3 simulator's storage: one directory per bucket, each object a data file and a JSON
// metadata file named by the SHA-256 of its key (keys may be 1024 bytes; file names may not).
// A put writes to a temporary file and renames it into place, so readers never see half an object.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface StoredObject {
  key: string;
  sizeBytes: number;
  contentType: string;
  /** Quoted hex MD5, as S3 reports a single-part upload's ETag. */
  etag: string;
  lastModified: string;
}

export interface WrittenBody {
  sizeBytes: number;
  md5: string;
  sha256: string;
}

const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
export const isValidBucketName = (name: string) => BUCKET_NAME.test(name) && !name.includes('..');

export class SimObjectStore {
  constructor(private readonly root: string) {}

  private bucketDir(bucket: string) {
    return path.join(this.root, bucket);
  }

  private objectPath(bucket: string, key: string) {
    return path.join(this.bucketDir(bucket), createHash('sha256').update(key).digest('hex'));
  }

  async hasBucket(bucket: string): Promise<boolean> {
    if (!isValidBucketName(bucket)) return false;
    return stat(this.bucketDir(bucket)).then(
      (s) => s.isDirectory(),
      () => false,
    );
  }

  /** false when it already existed. */
  async createBucket(bucket: string): Promise<boolean> {
    if (await this.hasBucket(bucket)) return false;
    await mkdir(this.bucketDir(bucket), { recursive: true });
    return true;
  }

  async head(bucket: string, key: string): Promise<StoredObject | null> {
    try {
      return JSON.parse(await readFile(`${this.objectPath(bucket, key)}.json`, 'utf8')) as StoredObject;
    } catch {
      return null;
    }
  }

  read(bucket: string, key: string, range?: { start: number; end: number }): Readable {
    return createReadStream(`${this.objectPath(bucket, key)}.data`, range);
  }

  /** Streams a body to a temporary file; commit() moves it into place, discard() drops it. */
  async receive(bucket: string, body: Readable): Promise<WrittenBody & { commit(meta: Omit<StoredObject, 'sizeBytes' | 'etag' | 'lastModified'>): Promise<StoredObject>; discard(): Promise<void> }> {
    const tmp = path.join(this.bucketDir(bucket), `.upload-${process.pid}-${Math.random().toString(36).slice(2)}`);
    const md5 = createHash('md5');
    const sha = createHash('sha256');
    let sizeBytes = 0;
    body.on('data', (chunk: Buffer) => {
      md5.update(chunk);
      sha.update(chunk);
      sizeBytes += chunk.length;
    });
    try {
      await pipeline(body, createWriteStream(tmp));
    } catch (err) {
      await rm(tmp, { force: true });
      throw err;
    }
    const written = { sizeBytes, md5: md5.digest('hex'), sha256: sha.digest('hex') };
    return {
      ...written,
      commit: async (meta) => {
        const stored: StoredObject = { ...meta, sizeBytes, etag: `"${written.md5}"`, lastModified: new Date().toUTCString() };
        const target = this.objectPath(bucket, meta.key);
        await rename(tmp, `${target}.data`);
        await writeFile(`${target}.json`, JSON.stringify(stored));
        return stored;
      },
      discard: () => rm(tmp, { force: true }),
    };
  }

  async delete(bucket: string, key: string): Promise<void> {
    const target = this.objectPath(bucket, key);
    await rm(`${target}.json`, { force: true });
    await rm(`${target}.data`, { force: true });
  }
}
