// The api app for tests that never touch the database, Temporal or Razorpay (docs, spec):
// those dependencies point nowhere, so any accidental use fails loudly.
import { createApp } from '../../api/app.js';
import type { ServiceDeps } from '../../services/deps.js';
import { createLogger } from '../../infra/logger.js';
import { createEmail } from '../../providers/email/index.js';
import { createRazorpay } from '../../providers/razorpay/index.js';
import { createS3ObjectStore } from '../../providers/s3/index.js';
import { createLlm } from '../../providers/llm/index.js';
import { createLeegality } from '../../providers/leegality/index.js';
import { disabledVoice } from '../../providers/voice/index.js';
import { disabledWhatsApp } from '../../providers/whatsapp/index.js';
import { TEST_RAZORPAY, testJwt } from './stack.js';

/** A real Razorpay client aimed at the discard port: for deps that must exist but go unused. */
export function unreachableRazorpay() {
  return createRazorpay({ mode: 'sim', baseUrl: 'http://127.0.0.1:9/v1', keyId: TEST_RAZORPAY.keyId, keySecret: TEST_RAZORPAY.keySecret, timeoutMs: 500 });
}

/** A real SMTP client aimed at the discard port: for deps that must exist but go unused. */
export function unreachableEmail() {
  return createEmail({ mode: 'smtp', host: '127.0.0.1', port: 9, from: 'MAS <no-reply@mas.test>', timeoutMs: 500 });
}

/** A real S3 client aimed at the discard port: for deps that must exist but go unused. */
export function unreachableObjectStore() {
  return createS3ObjectStore({ endpoint: 'http://127.0.0.1:9', region: 'ap-south-1', bucket: 'unused', accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', timeoutMs: 500, maxAttempts: 1 });
}

/** A real LLM client aimed at the discard port: for deps that must exist but go unused. */
export function unreachableLlm() {
  return createLlm({ mode: 'sim', baseUrl: 'http://127.0.0.1:9/v1', apiKey: 'unused-llm-api-key', timeoutMs: 500, maxRetries: 0 });
}

/** A real Leegality client aimed at the discard port: for deps that must exist but go unused. */
export function unreachableLeegality() {
  return createLeegality({ mode: 'sim', baseUrl: 'http://127.0.0.1:9/api', authToken: 'unused-leegality-token', timeoutMs: 500 });
}

/** ServiceDeps.config.leegality when eSign goes unused. */
export const UNUSED_LEEGALITY_CONFIG = { leegality: { profileId: 'unused', privateSalt: 'unused-leegality-private-salt' } };

/** ActivityDeps entries for eSign when it goes unused. */
export function unusedLeegalityDeps() {
  return { leegality: unreachableLeegality(), leegalityProfileId: 'unused' };
}

/** ServiceDeps.config entries for the Mr-Hire providers when they go unused (voice webhook refuses all). */
export const UNUSED_HIRE_CONFIG = { llm: { model: 'gpt-4o-mini' }, voice: { agentId: 'unused', agentPhoneNumberId: 'unused', webhookSecret: null } };

/** ActivityDeps entries for the Mr-Hire providers when they go unused. */
export function unusedHireDeps() {
  return { llm: unreachableLlm(), voice: disabledVoice(), voiceAgent: { agentId: 'unused', agentPhoneNumberId: 'unused' } };
}

export async function createStaticApp() {
  return createApp({
    db: {} as ServiceDeps['db'],
    temporal: {} as ServiceDeps['temporal'],
    logger: createLogger('silent'),
    jwt: await testJwt(),
    razorpay: unreachableRazorpay(),
    s3: unreachableObjectStore(),
    resumes: unreachableObjectStore(),
    documents: unreachableObjectStore(),
    whatsapp: disabledWhatsApp(),
    email: unreachableEmail(),
    llm: unreachableLlm(),
    voice: disabledVoice(),
    leegality: unreachableLeegality(),
    config: { taskQueue: 'static', meetingEventsSecret: 'x'.repeat(32), bodyLimitBytes: 1024, razorpay: { ...TEST_RAZORPAY, purchaseTimeoutSeconds: 60 }, ...UNUSED_HIRE_CONFIG, ...UNUSED_LEEGALITY_CONFIG },
  });
}
