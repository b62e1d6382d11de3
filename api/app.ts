// createApp(deps): middleware, error model, routes and the OpenAPI document. No listen() here.
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { cors } from 'hono/cors';
import type { ServiceDeps } from '../services/deps.js';
import { notFound, onError } from './middleware/errors.js';
import { drainUnreadBody } from './middleware/drain-body.js';
import { acceptsCompression, fromBrowser, hasBody, onlyWhen, secureHeadersUpFront } from './middleware/fast-path.js';
import { platformCache, platformContext } from './middleware/platform.js';
import { probeContext, requestContext } from './middleware/request-context.js';
import { createRouter } from './openapi.js';
import { problem } from './problem.js';
import { adminUsersRouter } from './routes/admin-users/admin-users.index.js';
import { authRouter } from './routes/auth/auth.index.js';
import { passwordResetRouter } from './routes/password-reset/password-reset.index.js';
import { accountDeletionRouter } from './routes/account-deletion/account-deletion.index.js';
import { docsRouter } from './routes/docs/docs.index.js';
import { coursePlansRouter } from './routes/course-plans/course-plans.index.js';
import { mentorsRouter } from './routes/mentors/mentors.index.js';
import { feedbackRouter } from './routes/feedback/feedback.index.js';
import { followUpsRouter } from './routes/follow-ups/follow-ups.index.js';
import { slotRequestsRouter } from './routes/slot-requests/slot-requests.index.js';
import { slotsRouter } from './routes/slots/slots.index.js';
import { recordingsRouter } from './routes/recordings/recordings.index.js';
import { tokensRouter } from './routes/tokens/tokens.index.js';
import { razorpayWebhookRouter } from './routes/webhooks/razorpay-webhook.js';
import { exotelWebhookRouter } from './routes/webhooks/exotel-webhook.js';
import { whatsappWebhookRouter } from './routes/webhooks/whatsapp-webhook.js';
import { voiceWebhookRouter } from './routes/webhooks/voice-webhook.js';
import { leegalityWebhookRouter } from './routes/webhooks/leegality-webhook.js';
import { withdrawalsRouter } from './routes/withdrawals/withdrawals.index.js';
import { systemConfigRouter } from './routes/system-config/system-config.index.js';
import { healthRouter } from './routes/health/health.index.js';
import { meetingEventsRouter } from './routes/meeting-events/meeting-events.index.js';
import { meetingActionsRouter } from './routes/meeting-actions/meeting-actions.index.js';
import { crmLeadsRouter } from './routes/crm-leads/crm-leads.index.js';
import { crmEnrollmentsRouter } from './routes/crm-enrollments/crm-enrollments.index.js';
import { crmWorkflowsRouter } from './routes/crm-workflows/crm-workflows.index.js';
import { crmCallsRouter } from './routes/crm-calls/crm-calls.index.js';
import { crmImportsRouter } from './routes/crm-imports/crm-imports.index.js';
import { hasOwnBodyLimit } from './routes/crm-imports/crm-imports.routes.js';
import { jobApplicationsRouter } from './routes/job-applications/job-applications.index.js';
import { isApplyUpload } from './routes/job-applications/job-applications.routes.js';
import { vendorKeysRouter } from './routes/vendor-keys/vendor-keys.index.js';
import { vendorLeadsRouter } from './routes/vendor-leads/vendor-leads.index.js';
import { hireCandidatesRouter } from './routes/hire-candidates/hire-candidates.index.js';
import { hireQuizRouter } from './routes/hire-quiz/hire-quiz.index.js';
import { hireRulesRouter } from './routes/hire-rules/hire-rules.index.js';
import { hireBoardRouter } from './routes/hire-board/hire-board.index.js';
import { hireJobsRouter } from './routes/hire-jobs/hire-jobs.index.js';
import { hireSetupRouter } from './routes/hire-setup/hire-setup.index.js';
import { jobsPublicRouter } from './routes/jobs-public/jobs-public.index.js';
import { applicationPaymentsRouter } from './routes/application-payments/application-payments.index.js';
import { financeRouter } from './routes/finance/finance.index.js';
import { applicationsRouter } from './routes/applications/applications.index.js';
import { adminApplicationsRouter } from './routes/admin-applications/admin-applications.index.js';
import { applicationWhatsAppRouter } from './routes/application-whatsapp/application-whatsapp.index.js';
import { discountRequestsRouter } from './routes/discount-requests/discount-requests.index.js';
import { tokenAllotmentsRouter } from './routes/token-allotments/token-allotments.index.js';
import { lmsBatchesRouter } from './routes/lms-batches/lms-batches.index.js';
import { lmsCoursesRouter } from './routes/lms-courses/lms-courses.index.js';
import { lmsEnrollmentsRouter } from './routes/lms-enrollments/lms-enrollments.index.js';
import { lmsProfilesRouter } from './routes/lms-profiles/lms-profiles.index.js';
import { lmsCollegesRouter } from './routes/lms-colleges/lms-colleges.index.js';
import { lmsCourseInterestRouter } from './routes/lms-course-interest/lms-course-interest.index.js';
import { lmsWebinarsRouter } from './routes/lms-webinars/lms-webinars.index.js';
import { lmsExternalCoursesRouter } from './routes/lms-external-courses/lms-external-courses.index.js';
import { lmsAnnouncementsRouter } from './routes/lms-announcements/lms-announcements.index.js';
import { lmsBatchMeetingsRouter } from './routes/lms-batch-meetings/lms-batch-meetings.index.js';
import { superMentorMeetingsRouter } from './routes/super-mentor-meetings/super-mentor-meetings.index.js';
import { lmsQuestionBankRouter } from './routes/lms-question-bank/lms-question-bank.index.js';
import { lmsQuizzesRouter } from './routes/lms-quizzes/lms-quizzes.index.js';
import { lmsSubmissionsRouter } from './routes/lms-submissions/lms-submissions.index.js';
import { lmsAttendanceRouter } from './routes/lms-attendance/lms-attendance.index.js';
import { lmsMrSyncRouter } from './routes/lms-mr-sync/lms-mr-sync.index.js';
import { papTemplatesRouter } from './routes/pap-templates/pap-templates.index.js';
import { papRouter } from './routes/pap/pap.index.js';
import { papCollectionRouter } from './routes/pap-collection/pap-collection.index.js';
import { issuesRouter } from './routes/issues/issues.index.js';
import { cleanupRouter } from './routes/cleanup/cleanup.index.js';
import { dashboardsRouter } from './routes/dashboards/dashboards.index.js';
import { cmNotesRouter } from './routes/cm-notes/cm-notes.index.js';
import { commsPreferencesRouter } from './routes/comms-preferences/comms-preferences.index.js';
import { googleRouter } from './routes/google/google.index.js';
import { engagementRouter } from './routes/engagement/engagement.index.js';
import { crmTagsRouter } from './routes/crm-tags/crm-tags.index.js';
import { crmRestRouter } from './routes/crm-rest/crm-rest.index.js';
import { mentorDirectoryRouter } from './routes/mentor-directory/mentor-directory.index.js';
import { llmKeysRouter } from './routes/llm-keys/llm-keys.index.js';
import { agentsRouter } from './routes/agents/agents.index.js';
import { askMasRouter } from './routes/ask-mas/ask-mas.index.js';
import { notificationsRouter } from './routes/notifications/notifications.index.js';
import { emailTemplatesRouter } from './routes/email-templates/email-templates.index.js';
import { whatsappConfigsRouter } from './routes/whatsapp-configs/whatsapp-configs.index.js';
import { whatsappMessagesRouter } from './routes/whatsapp-messages/whatsapp-messages.index.js';
import { syncRouter } from './routes/sync/sync.index.js';
import { aiClassroomsRouter } from './routes/ai-classrooms/ai-classrooms.index.js';
import { aiInterestsRouter } from './routes/ai-interests/ai-interests.index.js';
import { bannersRouter } from './routes/banners/banners.index.js';
import { bannersPublicRouter } from './routes/banners-public/banners-public.index.js';
import { eventConfigRouter } from './routes/event-config/event-config.index.js';
import { leagueRouter } from './routes/league/league.index.js';
import { iimtRouter } from './routes/iimt/iimt.index.js';
import { resumeReviewsRouter } from './routes/resume-reviews/resume-reviews.index.js';
import { ledgerRouter } from './routes/ledger/ledger.index.js';

export function createApp(deps: ServiceDeps) {
  const app = createRouter();

  // Ahead of the global stack: a probe answers after its own three steps (probeContext), and
  // the middleware registered below never runs for it.
  app.use('/api/health', probeContext(deps));
  app.route('/', healthRouter);

  app.use('*', async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  // First, so it sees the final answer (errors included) before it is written.
  app.use('*', drainUnreadBody(deps.config.bodyDrain));
  app.use('*', requestContext());
  app.use('*', secureHeadersUpFront());
  app.use('*', onlyWhen(fromBrowser, cors({ origin: deps.config.corsOrigins ?? [], credentials: true, maxAge: 600, exposeHeaders: ['X-Request-Id', 'Retry-After'] })));
  app.use('*', onlyWhen(acceptsCompression, compress({ threshold: 1024 })));
  app.use(
    '*',
    onlyWhen(
      // The CSV lead import streams under its own, larger limit (CRM_IMPORT_MAX_BYTES); a job
      // application's resume under RESUME_MAX_BYTES.
      (c) => hasBody(c) && !hasOwnBodyLimit(c) && !isApplyUpload(c),
      bodyLimit({
        maxSize: deps.config.bodyLimitBytes,
        onError: (c) => problem(c, 'PAYLOAD_TOO_LARGE', `The request body exceeds ${deps.config.bodyLimitBytes} bytes`),
      }),
    ),
  );

  app.use('/api/*', platformContext(deps.config.defaultPlatform ?? 'mr-mentor', platformCache(deps.db)));

  app.route('/', docsRouter);
  app.route('/', meetingEventsRouter);
  app.route('/', meetingActionsRouter);
  app.route('/', authRouter);
  app.route('/', passwordResetRouter);
  app.route('/', accountDeletionRouter);
  app.route('/', mentorsRouter);
  app.route('/', slotsRouter);
  app.route('/', recordingsRouter);
  app.route('/', feedbackRouter);
  app.route('/', slotRequestsRouter);
  app.route('/', withdrawalsRouter);
  app.route('/', tokensRouter);
  app.route('/', razorpayWebhookRouter);
  app.route('/', exotelWebhookRouter);
  app.route('/', whatsappWebhookRouter);
  app.route('/', leegalityWebhookRouter);
  app.route('/', adminUsersRouter);
  app.route('/', systemConfigRouter);
  app.route('/', crmLeadsRouter);
  app.route('/', crmCallsRouter);
  app.route('/', crmImportsRouter);
  app.route('/', followUpsRouter);
  app.route('/', crmWorkflowsRouter);
  app.route('/', crmEnrollmentsRouter);
  app.route('/', applicationPaymentsRouter);
  app.route('/', financeRouter);
  app.route('/', vendorKeysRouter);
  app.route('/', vendorLeadsRouter);
  app.route('/', hireCandidatesRouter);
  app.route('/', hireQuizRouter);
  app.route('/', hireRulesRouter);
  app.route('/', voiceWebhookRouter);
  app.route('/', hireBoardRouter);
  app.route('/', hireJobsRouter);
  app.route('/', hireSetupRouter);
  app.route('/', jobsPublicRouter);
  app.route('/', jobApplicationsRouter);
  app.route('/', applicationsRouter);
  app.route('/', adminApplicationsRouter);
  app.route('/', applicationWhatsAppRouter);
  app.route('/', discountRequestsRouter);
  app.route('/', tokenAllotmentsRouter);
  app.route('/', lmsBatchesRouter);
  app.route('/', lmsCoursesRouter);
  app.route('/', lmsEnrollmentsRouter);
  app.route('/', lmsProfilesRouter);
  app.route('/', lmsCollegesRouter);
  app.route('/', lmsCourseInterestRouter);
  app.route('/', lmsWebinarsRouter);
  app.route('/', lmsExternalCoursesRouter);
  app.route('/', lmsAnnouncementsRouter);
  app.route('/', lmsBatchMeetingsRouter);
  app.route('/', superMentorMeetingsRouter);
  app.route('/', lmsQuestionBankRouter);
  app.route('/', lmsQuizzesRouter);
  app.route('/', lmsSubmissionsRouter);
  app.route('/', lmsAttendanceRouter);
  app.route('/', lmsMrSyncRouter);
  app.route('/', papTemplatesRouter);
  app.route('/', papRouter);
  app.route('/', papCollectionRouter);
  app.route('/', issuesRouter);
  app.route('/', cleanupRouter);
  app.route('/', dashboardsRouter);
  app.route('/', cmNotesRouter);
  app.route('/', commsPreferencesRouter);
  app.route('/', googleRouter);
  app.route('/', engagementRouter);
  app.route('/', crmTagsRouter);
  app.route('/', crmRestRouter);
  app.route('/', mentorDirectoryRouter);
  app.route('/', llmKeysRouter);
  app.route('/', agentsRouter);
  app.route('/', askMasRouter);
  app.route('/', notificationsRouter);
  app.route('/', emailTemplatesRouter);
  app.route('/', whatsappMessagesRouter);
  app.route('/', whatsappConfigsRouter);
  app.route('/', syncRouter);
  app.route('/', aiClassroomsRouter);
  app.route('/', aiInterestsRouter);
  app.route('/', coursePlansRouter);
  app.route('/', bannersRouter);
  app.route('/', bannersPublicRouter);
  app.route('/', eventConfigRouter);
  app.route('/', leagueRouter);
  app.route('/', iimtRouter);
  app.route('/', resumeReviewsRouter);
  app.route('/', ledgerRouter);

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT (EdDSA)',
    description: 'Access token from /api/auth/login, /signup or /refresh. Each operation lists the roles it allows in x-roles.',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'razorpayWebhookSignature', {
    type: 'apiKey',
    in: 'header',
    name: 'X-Razorpay-Signature',
    description: 'hex HMAC-SHA256 of the raw body with the Razorpay webhook secret',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'whatsappWebhookSignature', {
    type: 'apiKey',
    in: 'header',
    name: 'X-Hub-Signature-256',
    description: 'sha256=<hex HMAC-SHA256 of the raw body with WHATSAPP_APP_SECRET>',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'voiceWebhookSignature', {
    type: 'apiKey',
    in: 'header',
    name: 'ElevenLabs-Signature',
    description: 't=<unix seconds>,v0=<hex HMAC-SHA256(webhook secret, "<t>.<raw body>")>; older than 30 minutes is refused',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'meetingSignature', {
    type: 'apiKey',
    in: 'header',
    name: 'x-meeting-signature',
    description: 'sha256=<hex HMAC-SHA256 of the raw body with MEETING_EVENTS_SECRET>',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'vendorApiKey', {
    type: 'apiKey',
    in: 'header',
    name: 'x-api-key',
    description: 'Vendor API key (mas_vk_…) issued by an admin and shown once; only its SHA-256 is stored.',
  });
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'MAS platform API',
      version: '0.1.0',
      description: 'Mr. Mentor, Mr-Hire, the MAS LMS, the sales CRM, finance and the vendor API. Errors are RFC 9457 problem+json.',
    },
  });

  app.onError(onError);
  app.notFound(notFound);
  return app;
}

export type App = ReturnType<typeof createApp>;
