// What the sync services need, and their knobs with defaults. The api passes ServiceDeps; the
// sync activities pass the same shape built from ActivityDeps.
import type { Client } from '@temporalio/client';
import { createKekKeyring, type KekKeyring } from '../../infra/kek-keyring.js';
import type { Db } from '../../infra/prisma.js';
import type { Logger } from '../../infra/logger.js';

export interface SyncSettings {
  /** KEKs sealing the credentials' secrets and tokens, "id:key,…" (SYNC_CREDENTIALS_KEKS); absent: the development KEK. */
  keks?: string;
  activeKekId?: string;
  /** http base URLs (development and tests: the simulators); production wants https to a public host. */
  allowHttpBaseUrl?: boolean;
  /** Per request to the learning system (SYNC_HTTP_TIMEOUT_MS). Default 15 s. */
  httpTimeoutMs?: number;
  /** The longest Retry-After a page waits in place (SYNC_MAX_RETRY_AFTER_SECONDS); longer, the activity retries after it. Default 30. */
  maxRetryAfterSeconds?: number;
  /** Rows per page asked for (SYNC_PAGE_SIZE). Default 500. */
  pageSize?: number;
  /** Pages one activity attempt commits before it returns (SYNC_PAGES_PER_ACTIVITY). Default 20. */
  pagesPerActivity?: number;
  /** Activities per workflow run before it continues as new (SYNC_ACTIVITIES_PER_RUN). Default 100. */
  activitiesPerRun?: number;
  /** How long a run holds its config (sync_configs.lockedUntil), renewed with every page (SYNC_LEASE_MINUTES). Default 15. */
  leaseMinutes?: number;
  /** Missed Schedule actions within this window after an outage still run (SYNC_CATCHUP_WINDOW_MINUTES). Default 60. */
  catchupWindowMinutes?: number;
  /** A failed run pauses its Schedule (and the config) until someone unpauses it (SYNC_PAUSE_ON_FAILURE). Default true. */
  pauseOnFailure?: boolean;
  /** How long the pages activity may go without a heartbeat before Temporal retries it elsewhere (SYNC_HEARTBEAT_TIMEOUT_SECONDS). Default 120. */
  heartbeatTimeoutSeconds?: number;
  /** In-place backoff of the HTTP client after a 5xx (tests make it short). Default 250 ms. */
  backoffBaseMs?: number;
}

export interface SyncDeps {
  db: Db;
  logger: Logger;
  temporal: Client;
  config: { taskQueue: string; sync?: SyncSettings };
}

export const SYNC_DEFAULTS = {
  httpTimeoutMs: 15_000,
  maxRetryAfterSeconds: 30,
  pageSize: 500,
  pagesPerActivity: 20,
  activitiesPerRun: 100,
  leaseMinutes: 15,
  catchupWindowMinutes: 60,
  pauseOnFailure: true,
  backoffBaseMs: 250,
  heartbeatTimeoutSeconds: 120,
} as const;

export function syncSetting<K extends keyof typeof SYNC_DEFAULTS>(deps: { config: { sync?: SyncSettings } }, key: K): (typeof SYNC_DEFAULTS)[K] {
  return (deps.config.sync?.[key] ?? SYNC_DEFAULTS[key]) as (typeof SYNC_DEFAULTS)[K];
}

export const DEV_SYNC_KEK = { id: 'dev-sync', phrase: 'mas-dev-sync-credentials-kek' } as const;
export const SYNC_KEK_SETTING_NAMES = { keks: 'SYNC_CREDENTIALS_KEKS', active: 'SYNC_CREDENTIALS_ACTIVE_KEK' } as const;

const keyrings = new Map<string, KekKeyring>();
/** The keyring of this config (parsed once per distinct setting). */
export function syncKeyring(settings: SyncSettings | undefined): KekKeyring {
  const id = `${settings?.keks ?? ''}\u0000${settings?.activeKekId ?? ''}`;
  let ring = keyrings.get(id);
  if (!ring) keyrings.set(id, (ring = createKekKeyring({ keks: settings?.keks, activeKekId: settings?.activeKekId, settingNames: SYNC_KEK_SETTING_NAMES, devKek: DEV_SYNC_KEK })));
  return ring;
}
