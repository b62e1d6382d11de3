// What the api needs, injected through createApp(deps) and read from c.var.deps.
import type { Client } from '@temporalio/client';
import type { Role } from '../domain/auth/roles.js';
import type { JwtService } from '../infra/auth/jwt.js';
import type { Db } from '../infra/prisma.js';
import type { Logger } from '../infra/logger.js';
import type { RazorpayProvider } from '../providers/razorpay/interface.js';

export interface AppDeps {
  db: Db;
  temporal: Client;
  logger: Logger;
  jwt: JwtService;
  razorpay: RazorpayProvider;
  config: {
    taskQueue: string;
    meetingEventsSecret: string;
    bodyLimitBytes: number;
    healthTimeoutMs?: number;
    /** Browser origins allowed by CORS (exact matches). */
    corsOrigins?: string[];
    refreshTtlDays?: number;
    /** Login attempts allowed per window, per IP and per email. */
    loginRateLimit?: { perIp: number; perEmail: number; windowSeconds: number };
    defaultPlatform?: string;
    /** Overrides system config booking.holdMinutes (tests use seconds). */
    slotHoldSeconds?: number;
    razorpay: { keyId: string; keySecret: string; webhookSecret: string; purchaseTimeoutSeconds: number };
  };
}

export interface AuthContext {
  userId: string;
  role: Role;
}

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    requestId: string;
    userId?: string;
    auth?: AuthContext;
    platform: string;
    /** True when the request named its platform (x-platform); tenant lists then filter by it. */
    platformExplicit: boolean;
  };
}
