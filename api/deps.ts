// What the api needs, injected through createApp(deps) and read from c.var.deps.
import type { Client } from '@temporalio/client';
import type { Db } from '../infra/prisma.js';
import type { Logger } from '../infra/logger.js';

export interface AppDeps {
  db: Db;
  temporal: Client;
  logger: Logger;
  config: {
    taskQueue: string;
    meetingEventsSecret: string;
    bodyLimitBytes: number;
    healthTimeoutMs?: number;
    /** Browser origins allowed by CORS (exact matches). */
    corsOrigins?: string[];
  };
}

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    requestId: string;
    userId?: string;
  };
}
