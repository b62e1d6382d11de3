// Typed system config: every key has a zod schema and a default. Values are validated on
// write (the api) and on read (a bad stored value falls back to the default, loudly).
import { z } from 'zod';
import { AskRateLimitSchema, DEFAULT_ASK_RATE_LIMIT, DEFAULT_MODEL_PRICES, DEFAULT_MONTHLY_BUDGET, ModelPricesSchema, MonthlyBudgetSchema } from '../ai/ask-mas.js';
import { isTimeZone } from '../comms/quiet-hours.js';
import { AssignmentRulesSchema, type AssignmentRule } from '../crm/assignment.js';
import { DEFAULT_TOKEN_PACKS, TokenPacksSchema } from '../tokens/packs.js';
import { DEFAULT_QUERY_SLA, QuerySlaSchema } from '../engagement/queries.js';
import { DEFAULT_RISK_WEIGHTS, RiskWeightsSchema } from '../engagement/risk.js';
import { DEFAULT_WARNING_ESCALATION, WarningEscalationSchema } from '../engagement/warnings.js';
import { DEFAULT_XP_POINTS, XpPointsSchema } from '../engagement/xp.js';

export const SYSTEM_CONFIG = {
  'tokens.signupBonus': {
    description: 'Promotional tokens granted at signup',
    schema: z.number().int().min(0).max(100),
    default: 2,
  },
  'booking.cancellationPolicy': {
    description: 'Refund on a student cancellation: full before the cutoff, partialPercent after it',
    schema: z.object({ fullRefundHoursBefore: z.number().int().min(0).max(720), partialRefundPercent: z.number().int().min(0).max(100) }).strict(),
    default: { fullRefundHoursBefore: 24, partialRefundPercent: 50 },
  },
  'booking.holdMinutes': {
    description: 'How long a slot hold reserves the slot and escrows the tokens',
    schema: z.number().int().min(1).max(60),
    default: 10,
  },
  'booking.disputeMinDurationPercent': {
    description: 'A session that ran under this percent of its booked length is disputed: UNDER_REVIEW until an admin rules (0 turns it off)',
    schema: z.number().int().min(0).max(100),
    default: 25,
  },
  'auth.loginRateLimit': {
    description: 'Login attempts per window, per IP and per email',
    schema: z.object({ perIp: z.number().int().min(1).max(10_000), perEmail: z.number().int().min(1).max(1_000), windowSeconds: z.number().int().min(10).max(86_400) }).strict(),
    default: { perIp: 50, perEmail: 10, windowSeconds: 900 },
  },
  'auth.passwordResetTtlMinutes': {
    description: 'How long an emailed password reset link works (it works once)',
    schema: z.number().int().min(5).max(1_440),
    default: 30,
  },
  'auth.forgotPasswordRateLimit': {
    description: 'Forgot-password requests per window, per IP and per email (over the limit: 429)',
    schema: z.object({ perIp: z.number().int().min(1).max(10_000), perEmail: z.number().int().min(1).max(100), windowSeconds: z.number().int().min(10).max(86_400) }).strict(),
    default: { perIp: 20, perEmail: 5, windowSeconds: 3_600 },
  },
  'account.deletionGraceDays': {
    description: 'Days between an account deletion request (the account is deactivated at once) and its purge; a cancel inside it restores the account',
    schema: z.number().int().min(1).max(365),
    default: 30,
  },
  'crm.assignmentRules': {
    description: 'CRM lead assignment rules for strategy "rules": the first match in priority order (lowest first) routes the lead to a user or round-robins it over a sales head’s team',
    schema: AssignmentRulesSchema,
    default: [] as AssignmentRule[],
  },
  'mrlearn.reminders': {
    description: 'Mr Learn inactivity reminders after each successful Mr Learn sync: a learner of a mapped batch with no activity for inactiveDays gets one email per inactiveDays-long period',
    schema: z.object({ enabled: z.boolean(), inactiveDays: z.number().int().min(1).max(365), channel: z.literal('email') }).strict(),
    default: { enabled: true, inactiveDays: 7, channel: 'email' as const },
  },
  'comms.quietHours': {
    description: 'Default quiet hours for marketing sends (CRM workflow sends, Mr Learn reminders) to a recipient who set none (off by default; the TRAI promotional window is prefilled): HH:MM to HH:MM in timezone, may wrap midnight; a send inside waits for the end. Transactional sends ignore it',
    schema: z.object({ enabled: z.boolean(), start: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/), end: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/), timezone: z.string().min(1).max(64).refine(isTimeZone, 'Not an IANA time zone') }).strict(),
    default: { enabled: false, start: '21:00', end: '09:00', timezone: 'Asia/Kolkata' },
  },
  'ai.askMas.modelPrices': {
    description: 'Ask MAS: paise per 1,000 prompt and completion tokens by model (a dated model id takes its longest listed prefix), and the fallback price',
    schema: ModelPricesSchema,
    default: DEFAULT_MODEL_PRICES,
  },
  'ai.askMas.monthlyBudgetPaise': {
    description: 'Ask MAS: the platform key’s monthly budget per role in paise (an IST calendar month; `default` for roles not listed; 0 = own key only). Questions on a user’s own key do not count',
    schema: MonthlyBudgetSchema,
    default: DEFAULT_MONTHLY_BUDGET,
  },
  'ai.askMas.rateLimit': {
    description: 'Ask MAS: questions per window per user',
    schema: AskRateLimitSchema,
    default: DEFAULT_ASK_RATE_LIMIT,
  },
  'tokens.resumeToken': {
    description: 'Resume tokens one resume review request costs (taken from the student’s resume-token wallet; refunded if it is cancelled)',
    schema: z.number().int().min(1).max(10),
    default: 1,
  },
  'tokens.packs': {
    description: 'The token pack catalogue: pack id → tokens, GST-inclusive price in paise and an optional label (1–20 packs). Purchases quote from it; a custom amount is priced per token',
    schema: TokenPacksSchema,
    default: DEFAULT_TOKEN_PACKS,
  },
  'engagement.warningEscalation': {
    description: 'Student warnings: from the threshold-th active (unrevoked) warning on, each new one also notifies the batch’s community managers and lead (a CRITICAL one always does)',
    schema: WarningEscalationSchema,
    default: DEFAULT_WARNING_ESCALATION,
  },
  'engagement.querySla': {
    description: 'Student queries: hours a query may stay OPEN or IN_PROGRESS without a staff reply before its assignee (or, unassigned, every ADMIN) is notified once, by the KPI rollup',
    schema: QuerySlaSchema,
    default: DEFAULT_QUERY_SLA,
  },
  'engagement.riskWeights': {
    description: 'Student risk scores (KPI rollup): the weight of each signal — attendance, quiz results, late hand-ins, inactivity (full risk at inactiveDaysCap days)',
    schema: RiskWeightsSchema,
    default: DEFAULT_RISK_WEIGHTS,
  },
  'engagement.xpPoints': {
    description: 'XP awarded per event type (0–10000 each), read at award time: a change applies to new awards only; past awards and revocations keep the points written',
    schema: XpPointsSchema,
    default: DEFAULT_XP_POINTS,
  },
} as const;

export type SystemConfigKey = keyof typeof SYSTEM_CONFIG;
export type SystemConfigValue<K extends SystemConfigKey> = z.infer<(typeof SYSTEM_CONFIG)[K]['schema']>;

export function isSystemConfigKey(key: string): key is SystemConfigKey {
  return Object.hasOwn(SYSTEM_CONFIG, key);
}
