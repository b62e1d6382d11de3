// Helpers for the candidate-pipeline tests: a job with its screening config, a real PDF resume
// applied through the public multipart endpoint, and waits on the candidate's stage.
import { randomUUID } from 'node:crypto';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { CandidateStatus } from '../../domain/candidate/status.js';
import { createUser } from './auth.js';
import { until } from './poll.js';
import type { TestStack } from './stack.js';

export const QUIZ_QUESTIONS = [
  { id: 'q1', question: 'Which SQL clause filters groups?', type: 'single_choice', options: ['WHERE', 'HAVING', 'ORDER BY'], correct: [1], points: 5 },
  { id: 'q2', question: 'Which are aggregate functions?', type: 'multiple_choice', options: ['SUM', 'LOWER', 'COUNT'], correct: [0, 2], points: 5 },
] as const;
export const RIGHT_ANSWERS = { answers: [{ questionId: 'q1', selected: [1] }, { questionId: 'q2', selected: [0, 2] }] };

export async function resumePdf(lines: string[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  lines.forEach((l, i) => page.drawText(l, { x: 50, y: 780 - i * 18, size: 11, font }));
  return doc.save();
}

export interface JobSetup {
  quiz?: boolean;
  voice?: boolean;
  outreach?: boolean;
  passThreshold?: number;
  stageSlaHours?: Record<string, number>;
  voiceMaxAttempts?: number;
  voiceRetryMinutes?: number;
  quizExpiryHours?: number;
  platform?: string;
}

/** An active job owned by a fresh ADMIN, with its screening config; the title is unique (LLM scripts match on it). */
export async function createHireJob(stack: TestStack, setup: JobSetup = {}) {
  const owner = await createUser(stack, 'ADMIN');
  const title = `Data Analyst ${randomUUID().slice(0, 8)}`;
  const job = await stack.db.jobPost.create({
    data: { title, roles: [{ title }], skills: ['SQL', 'Python', 'Tableau'], status: 'active', belongsTo: owner.user.id, postedOn: setup.platform ?? 'mr-mentor', publishedAt: new Date() },
  });
  const template = setup.quiz ? await stack.db.quizTemplate.create({ data: { name: `SQL basics ${title}`, questions: QUIZ_QUESTIONS as unknown as object, passPercentage: 60, createdById: owner.user.id } }) : null;
  await stack.db.jobScreeningConfig.create({
    data: {
      jobPostId: job.id,
      passThreshold: setup.passThreshold ?? 70,
      mustHaveSkills: ['SQL'],
      outreachEnabled: setup.outreach ?? true,
      quizEnabled: Boolean(template),
      quizTemplateId: template?.id ?? null,
      voiceInterviewEnabled: setup.voice ?? false,
      voiceMaxAttempts: setup.voiceMaxAttempts ?? 2,
      voiceRetryMinutes: setup.voiceRetryMinutes ?? 0,
      ...(setup.quizExpiryHours !== undefined ? { quizExpiryHours: setup.quizExpiryHours } : {}),
      ...(setup.stageSlaHours ? { stageSlaHours: setup.stageSlaHours } : {}),
    },
  });
  return { owner, job, title };
}

export interface Applicant {
  name?: string;
  email?: string;
  phone?: string;
  whatsappConsent?: boolean;
  file?: Uint8Array;
  fileName?: string;
  contentType?: string;
}

export async function apply(stack: TestStack, jobId: string, a: Applicant = {}, headers: Record<string, string> = {}) {
  const email = a.email ?? `cand-${randomUUID().slice(0, 8)}@example.com`;
  const name = a.name ?? 'Riya Sharma';
  const file = a.file ?? (await resumePdf([name, email, 'Skills: SQL, Python, Tableau', 'Experience: 3 years as a data analyst at Acme']));
  const form = new FormData();
  form.set('name', name);
  form.set('email', email);
  if (a.phone) form.set('phone', a.phone);
  if (a.whatsappConsent) form.set('whatsappConsent', 'true');
  form.set('resume', new Blob([file], { type: a.contentType ?? 'application/pdf' }), a.fileName ?? 'resume.pdf');
  const res = await stack.app.request(`/api/jobs/${jobId}/applications`, { method: 'POST', body: form, headers });
  return { res, email, name };
}

export async function applied(stack: TestStack, jobId: string, a: Applicant = {}) {
  const { res, email } = await apply(stack, jobId, a);
  if (res.status !== 201) throw new Error(`apply answered ${res.status}: ${await res.text()}`);
  const { id } = (await res.json()) as { id: string };
  return { id, email };
}

export const candidate = (stack: TestStack, id: string) => stack.db.jobApplication.findUniqueOrThrow({ where: { id } });

export async function untilStage(stack: TestStack, id: string, stage: CandidateStatus | ((s: { status: CandidateStatus; attentionReason: string | null; rejectedAt: Date | null }) => boolean), timeoutMs = 30_000) {
  const pred = typeof stage === 'function' ? stage : (s: { status: CandidateStatus }) => s.status === stage;
  return until(() => candidate(stack, id), pred, timeoutMs);
}

export function quizTokenFrom(text: string): string {
  const m = /\/hire\/quiz\/([A-Za-z0-9_-]+)/.exec(text);
  if (!m) throw new Error(`no quiz link in: ${text}`);
  return m[1]!;
}
