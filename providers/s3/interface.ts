// The object-store contract the rest of the system codes against: presigned URLs for browsers
// (bytes never pass through the api), HEAD to confirm an upload, and delete; plus server-side
// put/get for the small objects the api itself receives (resumes). One store, one bucket.

/** What a browser sends with a presigned PUT: the signature covers these headers. */
export interface PresignedUpload {
  url: string;
  method: 'PUT';
  /** Headers the upload must carry exactly (content-type; content-length when declared). */
  headers: Record<string, string>;
  expiresAt: Date;
}

export interface PresignPutOptions {
  /** Signed: an upload with another Content-Type is refused by the store. */
  contentType: string;
  /** Signed when given: the upload must be exactly this many bytes. */
  contentLength?: number;
  expiresInSeconds: number;
}

export interface PresignGetOptions {
  expiresInSeconds: number;
  /** Sets Content-Disposition: attachment with this file name on the download. */
  downloadName?: string;
}

export interface PresignedDownload {
  url: string;
  expiresAt: Date;
}

export interface ObjectInfo {
  sizeBytes: number;
  contentType: string | null;
  etag: string | null;
}

/** An object read back whole by the server. */
export interface StoredBytes {
  body: Uint8Array;
  contentType: string | null;
}

export interface ObjectStore {
  readonly bucket: string;
  presignPut(key: string, opts: PresignPutOptions): Promise<PresignedUpload>;
  presignGet(key: string, opts: PresignGetOptions): Promise<PresignedDownload>;
  /** Uploads a whole object from the server (header-signed PUT, payload hash signed); replaces one with the same key. */
  putObject(key: string, body: Uint8Array, opts: { contentType: string }): Promise<void>;
  /** The whole object, or null when it does not exist. For small objects only: it is read into memory. */
  getObject(key: string): Promise<StoredBytes | null>;
  /** null when the object does not exist. */
  head(key: string): Promise<ObjectInfo | null>;
  /** Deleting a missing object succeeds (S3 semantics), so retries are safe. */
  delete(key: string): Promise<void>;
  /** Creates the bucket when missing (sim and dev only; live buckets are provisioned). */
  ensureBucket(): Promise<void>;
}

/** S3 allows presigned URLs for at most seven days. */
export const MAX_PRESIGN_SECONDS = 7 * 24 * 3600;
