import { createRoute } from '@hono/zod-openapi';
import { CRM_ROLES } from '../../../domain/crm/access.js';
import { bearer } from '../../middleware/auth.js';
import { authProblems, jsonResponse, problemResponse } from '../../openapi.js';
import { PageQuery, pageSchema } from '../../pagination.js';
import { FollowUpSchema } from '../follow-ups/follow-ups.routes.js';
import { EmailLogView, LeadFollowUpsQuery, LeadId, MyFollowUpsQuery, OverdueFollowUpsQuery, SmsLogView, TimelineEntryView, TimelineQuery, WhatsAppLogView } from './crm-lead-reads.schemas.js';

const TAGS = ['CRM'];
const noLead = { 404: problemResponse('No such lead you can see') };
const badQuery = { 400: problemResponse('Invalid query or cursor') };

export const timelineRoute = createRoute({
  method: 'get',
  path: '/api/crm/leads/{id}/timeline',
  tags: TAGS,
  summary: 'The lead’s timeline: activity, calls, SMS, emails and WhatsApp merged, newest first (cursor pagination)',
  ...bearer(CRM_ROLES),
  request: { params: LeadId, query: TimelineQuery },
  responses: { 200: jsonResponse('A page of entries', pageSchema(TimelineEntryView).openapi('LeadTimelinePage')), ...badQuery, ...authProblems, ...noLead },
});

const logRoute = <T extends typeof SmsLogView | typeof EmailLogView | typeof WhatsAppLogView>(segment: string, what: string, view: T, pageName: string) =>
  createRoute({
    method: 'get',
    path: `/api/crm/leads/{id}/${segment}`,
    tags: TAGS,
    summary: `The lead’s ${what}, newest first (cursor pagination)`,
    ...bearer(CRM_ROLES),
    request: { params: LeadId, query: PageQuery },
    responses: { 200: jsonResponse(`A page of ${what}`, pageSchema(view).openapi(pageName)), ...badQuery, ...authProblems, ...noLead },
  });

export const smsLogsRoute = logRoute('sms-logs', 'SMS messages', SmsLogView, 'LeadSmsLogPage');
export const emailLogsRoute = logRoute('email-logs', 'emails', EmailLogView, 'LeadEmailLogPage');
export const whatsAppLogsRoute = logRoute('whatsapp-logs', 'WhatsApp messages', WhatsAppLogView, 'LeadWhatsAppLogPage');

const followUpPage = (name: string) => pageSchema(FollowUpSchema).openapi(name);

export const myFollowUpsRoute = createRoute({
  method: 'get',
  path: '/api/crm/follow-ups/mine',
  tags: TAGS,
  summary: 'My follow-ups (I am the assignee), soonest due first',
  ...bearer(CRM_ROLES),
  request: { query: MyFollowUpsQuery },
  responses: { 200: jsonResponse('A page of follow-ups', followUpPage('MyFollowUpPage')), ...badQuery, ...authProblems },
});

export const overdueFollowUpsRoute = createRoute({
  method: 'get',
  path: '/api/crm/follow-ups/overdue',
  tags: TAGS,
  summary: 'Scheduled follow-ups past due on leads you may see (a sales head: the team’s; admins: all), most overdue first',
  ...bearer(CRM_ROLES),
  request: { query: OverdueFollowUpsQuery },
  responses: { 200: jsonResponse('A page of follow-ups', followUpPage('OverdueFollowUpPage')), ...badQuery, ...authProblems },
});

export const leadFollowUpsRoute = createRoute({
  method: 'get',
  path: '/api/crm/leads/{id}/follow-ups',
  tags: TAGS,
  summary: 'The lead’s follow-ups, soonest due first',
  ...bearer(CRM_ROLES),
  request: { params: LeadId, query: LeadFollowUpsQuery },
  responses: { 200: jsonResponse('A page of follow-ups', followUpPage('LeadFollowUpPage')), ...badQuery, ...authProblems, ...noLead },
});
