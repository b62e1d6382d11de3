// Mr-Hire around the pipeline, on the real stack: a worker killed mid-pipeline, a scan with no
// text layer, bulk rejection, workflow rules, talent-pool matching when a job goes live, and an
// AI calling campaign on its own task queue.
import { writeFileSync } from 'node:fs';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { PDFDocument, rgb } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workflowIds } from '../../domain/ids.js';
import { bearerHeader, json } from '../support/auth.js';
import { runCrashingWorker } from '../support/crashing-worker.js';
import { applied, candidate, createHireJob, quizTokenFrom, untilStage } from '../support/hire-pipeline.js';
import { until } from '../support/poll.js';
import { startTestStack, TEST_S3, type TestStack } from '../support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
  await stack.startAiCallsWorker();
});
afterAll(() => stack.close());

const score = (n: number) => ({ score: n, criteria: [], reasons: [`scored ${n}`], redFlags: [] });
const post = (path: string, token: string, body: unknown) => stack.app.request(json('POST', path, body, bearerHeader(token)));
const record = async (workflowId: string, file: string) => {
  if (process.env.RECORD_HISTORIES === '1') writeFileSync(`test/replay/histories/${file}`, historyToJSON(await stack.temporal.workflow.getHandle(workflowId).fetchHistory()));
};

async function scannedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  for (let i = 0; i < 12; i++) page.drawRectangle({ x: 40, y: 760 - i * 40, width: 500, height: 14, color: rgb(0.2, 0.2, 0.2) });
  return doc.save();
}

describe('Mr-Hire operations', () => {
  it('a scanned resume with no text layer waits for a recruiter instead of crashing', async () => {
    const { job, owner } = await createHireJob(stack);
    const { id } = await applied(stack, job.id, { file: await scannedPdf() });
    const flagged = await untilStage(stack, id, (s) => s.attentionReason === 'no_text_layer');
    expect(flagged.status).toBe('resume_received');
    expect(await stack.db.resumeAnalysis.findMany({ where: { jobApplicationId: id } })).toEqual([expect.objectContaining({ status: 'failed' })]);
    expect(await stack.db.pipelineCostLedger.count({ where: { jobApplicationId: id } })).toBe(0); // no LLM call for an empty text
    const res = await post(`/api/hire/applications/${id}/reject`, owner.accessToken, { code: 'other', note: 'Unreadable scan' });
    expect(res.status).toBe(200);
    expect(await stack.temporal.workflow.getHandle(workflowIds.candidatePipeline(id)).result()).toMatchObject({ rejected: true });
  });

  it('a quiz that expires unanswered leaves the candidate to the recruiter; the link answers 410', async () => {
    const { job } = await createHireJob(stack, { quiz: true, quizExpiryHours: 0 });
    const { id, email } = await applied(stack, job.id);
    const flagged = await untilStage(stack, id, (s) => s.attentionReason === 'quiz_expired');
    expect(flagged.status).toBe('quiz_invited');
    expect(await stack.db.candidateQuizResponse.findFirstOrThrow({ where: { jobApplicationId: id } })).toMatchObject({ status: 'expired' });
    const [invite] = await stack.emailSim.waitFor({ to: email, subject: 'quiz' });
    expect((await stack.app.request(`/api/hire/quiz/${quizTokenFrom(invite!.text)}`)).status).toBe(410);
  });

  it('a run whose application is gone ends at once', async () => {
    const { job } = await createHireJob(stack);
    const ghost = '6b3d8f0e-0000-4000-8000-00000000dead';
    const state = await stack.temporal.workflow.execute('candidatePipeline', { taskQueue: stack.taskQueue, workflowId: workflowIds.candidatePipeline(ghost), args: [{ jobApplicationId: ghost, jobPostId: job.id }] });
    expect(state).toMatchObject({ attention: 'application_deleted' });
  });

  it('bulk reject: one reason for many candidates, with progress; others’ candidates are not touched', async () => {
    const { job, owner } = await createHireJob(stack, { quiz: true });
    const mine = await Promise.all([0, 1, 2].map(() => applied(stack, job.id)));
    const other = await createHireJob(stack, { quiz: true });
    const foreign = await applied(stack, other.job.id);
    for (const c of [...mine, foreign]) await untilStage(stack, c.id, 'quiz_invited');
    const res = await post(`/api/hire/jobs/${job.id}/bulk-reject`, owner.accessToken, { jobApplicationIds: [...mine.map((c) => c.id), foreign.id], code: 'position_filled' });
    expect(res.status).toBe(202);
    const { operationId } = (await res.json()) as { operationId: string };
    const progress = await until(
      async () => (await (await stack.app.request(`/api/hire/bulk-rejections/${operationId}`, { headers: bearerHeader(owner.accessToken) })).json()) as { done: boolean; rejected: number; notFound: number },
      (p) => p.done,
    );
    expect(progress).toMatchObject({ done: true, rejected: 3, notFound: 1 });
    for (const c of mine) expect((await candidate(stack, c.id)).rejectionCode).toBe('position_filled');
    expect((await candidate(stack, foreign.id)).rejectedAt).toBeNull();
    // Another recruiter cannot read the operation.
    expect((await stack.app.request(`/api/hire/bulk-rejections/${operationId}`, { headers: bearerHeader(other.owner.accessToken) })).status).toBe(404);
    await record(`hire-bulk-reject/${operationId}`, 'hire-bulk-reject.json');
  });

  it('a workflow rule notifies the recruiter when a candidate is shortlisted, once', async () => {
    const { job, title, owner } = await createHireJob(stack);
    const rule = await post(`/api/hire/jobs/${job.id}/rules`, owner.accessToken, { name: 'Tell me about shortlists', event: 'STATUS_CHANGED', conditions: { toStatus: 'shortlisted', minScore: 80 }, actions: [{ type: 'notify' }] });
    expect(rule.status).toBe(201);
    expect((await post(`/api/hire/jobs/${job.id}/rules`, owner.accessToken, { name: 'No stage', event: 'STATUS_CHANGED', conditions: {} })).status).toBe(400);
    stack.llmSim.script({ schemaName: 'candidate_score', match: title, content: score(91), times: 2 });
    const a = await applied(stack, job.id);
    await untilStage(stack, a.id, 'shortlisted');
    const notes = await until(
      () => stack.db.notification.findMany({ where: { userId: owner.user.id, category: 'JOB' } }),
      (n) => n.length > 0,
    );
    expect(notes).toHaveLength(1);
    expect(notes[0]!.title).toContain('Tell me about shortlists');
    expect((await stack.db.workflowRule.findUniqueOrThrow({ where: { id: ((await rule.json()) as { id: string }).id } })).triggerCount).toBe(1);
  });

  it('a workflow rule enrolls the shortlisted candidate in a CRM workflow, as a lead of the job’s platform', async () => {
    const { job, title, owner } = await createHireJob(stack);
    const wf = (await (await post('/api/crm/workflows', owner.accessToken, { name: `Hired ${title}`, definition: { nodes: [{ id: 't', type: 'trigger.manual' }, { id: 'e', type: 'end' }], edges: [{ from: 't', to: 'e' }] } })).json()) as { id: string };
    expect((await post(`/api/crm/workflows/${wf.id}/publish`, owner.accessToken, { changeNote: 'v1' })).status).toBe(201);
    expect((await post(`/api/hire/jobs/${job.id}/rules`, owner.accessToken, { name: 'Nurture shortlists', event: 'STATUS_CHANGED', conditions: { toStatus: 'shortlisted' }, workflowId: wf.id })).status).toBe(201);
    stack.llmSim.script({ schemaName: 'candidate_score', match: title, content: score(90) });
    const a = await applied(stack, job.id, { phone: '+919811100021' });
    await untilStage(stack, a.id, 'shortlisted');
    const lead = await until(
      () => stack.db.rawLead.findFirst({ where: { platform: 'mr-mentor', email: a.email } }),
      (l) => l !== null,
    );
    const enrollment = await until(
      () => stack.db.workflowEnrollment.findFirst({ where: { workflowId: wf.id, subjectId: lead!.id } }),
      (e) => e !== null,
    );
    expect(enrollment!.subjectType).toBe('RAW_LEAD');
    // The rule's audit row commits right after the enrollment starts.
    await until(
      () => stack.db.candidateDecision.count({ where: { jobApplicationId: a.id, kind: 'rule' } }),
      (n) => n === 1,
    );
  });

  it('a job that goes live is matched against the talent pool of its platform', async () => {
    const first = await createHireJob(stack);
    stack.llmSim.script({ schemaName: 'candidate_score', match: first.title, content: score(35) });
    const pooled = await applied(stack, first.job.id);
    await untilStage(stack, pooled.id, 'talent_pool');
    const entry = await stack.db.talentPoolEntry.findFirstOrThrow({ where: { jobApplicationId: pooled.id } });

    const created = await post('/api/hire/jobs', first.owner.accessToken, { title: 'Analytics Engineer', roles: [{ title: 'Analytics Engineer' }], skills: ['SQL', 'dbt'], openings: 1 });
    expect(created.status).toBe(201);
    const next = (await created.json()) as { id: string };
    stack.llmSim.script({ schemaName: 'talent_match', content: { matchScore: 77, matchedSkills: ['SQL'], reasoning: 'Strong SQL from the pooled resume' }, times: 50 });
    expect((await post(`/api/hire/jobs/${next.id}/publish`, first.owner.accessToken, {})).status).toBe(200);
    const match = await until(
      () => stack.db.talentPoolMatch.findFirst({ where: { jobPostId: next.id, talentPoolEntryId: entry.id } }),
      (m) => m !== null,
    );
    expect(Number(match!.matchScore)).toBe(77);
    expect(await stack.db.pipelineCostLedger.count({ where: { jobPostId: next.id, stage: 'TALENT_POOL_MATCHING', jobApplicationId: pooled.id } })).toBe(1);
    const list = await stack.app.request(`/api/hire/jobs/${next.id}/talent-pool-matches`, { headers: bearerHeader(first.owner.accessToken) });
    expect(list.status).toBe(200);
    expect(JSON.stringify(await list.json())).toContain(entry.id);
    for await (const wf of stack.temporal.workflow.list({ query: `WorkflowType = 'talentPoolMatch' AND MasJobPostId = '${next.id}'` })) {
      await stack.temporal.workflow.getHandle(wf.workflowId).result();
      await record(wf.workflowId, 'talent-pool-match.json');
    }
  });

  it('an AI calling campaign calls the candidates a few at a time on its own task queue', async () => {
    const { job, owner } = await createHireJob(stack, { quiz: true });
    const people = await Promise.all(['+919811100011', '+919811100012', '+919811100013'].map((phone) => applied(stack, job.id, { phone })));
    stack.voiceSim.queueOutcome({ outcome: 'no_answer', toNumber: '+919811100013' });
    const res = await post(`/api/hire/jobs/${job.id}/ai-call-campaigns`, owner.accessToken, { jobApplicationIds: people.map((p) => p.id), concurrency: 2 });
    expect(res.status).toBe(202);
    const { batchId } = (await res.json()) as { batchId: string };
    const handle = stack.temporal.workflow.getHandle(`ai-call-campaign/${batchId}`);
    expect((await handle.describe()).taskQueue).toBe(`${stack.taskQueue}-ai-calls`);
    expect(await handle.result()).toMatchObject({ total: 3, completed: 2, failed: 1, done: true });
    const view = await stack.app.request(`/api/hire/ai-call-campaigns/${batchId}`, { headers: bearerHeader(owner.accessToken) });
    const body = (await view.json()) as { status: string; completedCalls: number; failedCalls: number; calls: { status: string; summary: string | null }[] };
    expect(body).toMatchObject({ status: 'completed', completedCalls: 2, failedCalls: 1 });
    expect(body.calls.map((c) => c.status).sort()).toEqual(['completed', 'completed', 'no_answer']);
    const other = await createHireJob(stack);
    expect((await stack.app.request(`/api/hire/ai-call-campaigns/${batchId}`, { headers: bearerHeader(other.owner.accessToken) })).status).toBe(404);
    await record(`ai-call-campaign/${batchId}`, 'ai-call-campaign.json');
  });
});

describe('worker killed mid-pipeline', () => {
  it('killed right after the resume parse committed: a new worker finishes, with one analysis and one cost', async () => {
    const s = await startTestStack({ worker: false });
    try {
      const { job, title } = await createHireJob(s);
      s.llmSim.script({ schemaName: 'candidate_score', match: title, content: score(88) });
      const doomed = runCrashingWorker(s.taskQueue, 'hireParseResume', undefined, { LLM_BASE_URL: s.llmSim.baseUrl, S3_ENDPOINT: s.s3Sim.endpoint, S3_RESUMES_BUCKET: TEST_S3.resumesBucket });
      await doomed.ready;
      const { id } = await applied(s, job.id);
      expect(await doomed.exited).toBe('SIGKILL');
      // The killed worker's parse is in the database, but Temporal never heard of it.
      expect((await candidate(s, id)).status).toBe('resume_parsed');
      await s.startWorker();
      await untilStage(s, id, 'shortlisted');
      expect(await s.db.resumeAnalysis.count({ where: { jobApplicationId: id } })).toBe(1);
      expect(await s.db.candidateDecision.count({ where: { jobApplicationId: id, kind: 'resume_parse' } })).toBe(1);
      expect(await s.db.pipelineCostLedger.count({ where: { jobApplicationId: id, stage: 'RESUME_PARSING' } })).toBe(1);
      expect(await s.db.pipelineCostLedger.count({ where: { jobApplicationId: id, stage: 'SCORING' } })).toBe(1);
    } finally {
      await s.close();
    }
  });
});
