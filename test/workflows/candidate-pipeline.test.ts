// The Mr-Hire candidate pipeline on the real stack: apply with a real PDF through the public
// endpoint, the LLM, email, WhatsApp and voice simulators, and the real Temporal dev server.
import { writeFileSync } from 'node:fs';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workflowIds } from '../../domain/ids.js';
import { MasEntityType, MasJobPostId, MasState } from '../../workflows/search-attributes.js';
import { bearerHeader, createUser, json } from '../support/auth.js';
import { applied, candidate, createHireJob, quizTokenFrom, RIGHT_ANSWERS, untilStage } from '../support/hire-pipeline.js';
import { sleep, until } from '../support/poll.js';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.close());

const score = (n: number) => ({ score: n, criteria: [{ criterion: 'skills', score: n, weight: 1, evidence: 'SQL and Python on the resume' }], reasons: [`scored ${n}`], redFlags: [] });
const move = (id: string, action: string, token: string, body: unknown = {}) => stack.app.request(json('POST', `/api/hire/applications/${id}/${action}`, body, bearerHeader(token)));
const record = async (id: string, file: string) => {
  if (process.env.RECORD_HISTORIES === '1') writeFileSync(`test/replay/histories/${file}`, historyToJSON(await stack.temporal.workflow.getHandle(workflowIds.candidatePipeline(id)).fetchHistory()));
};

describe('candidate pipeline', () => {
  it('walks every stage to shortlisted, writing each child row once', { timeout: 150_000 }, async () => {
    const { job, title, owner } = await createHireJob(stack, { quiz: true, voice: true, passThreshold: 70 });
    stack.llmSim.script({ schemaName: 'candidate_score', match: title, content: score(86) });
    const { id, email } = await applied(stack, job.id, { phone: '+919811100001', whatsappConsent: true });

    await untilStage(stack, id, 'quiz_invited');
    const [invite] = await stack.emailSim.waitFor({ to: email, subject: 'quiz' });
    const token = quizTokenFrom(invite!.text);
    const quiz = await stack.app.request(`/api/hire/quiz/${token}`);
    expect(quiz.status).toBe(200);
    const shown = (await quiz.json()) as { questions: Record<string, unknown>[] };
    expect(shown.questions).toHaveLength(2);
    expect(shown.questions.every((q) => !('correct' in q))).toBe(true);
    expect((await stack.app.request(json('POST', `/api/hire/quiz/${token}`, RIGHT_ANSWERS))).status).toBe(200);
    // A second submission changes nothing.
    const again = await stack.app.request(json('POST', `/api/hire/quiz/${token}`, { answers: [] }));
    expect(again.status).toBe(409);

    const done = await untilStage(stack, id, 'shortlisted', 90_000);
    expect(Number(done.overallScore)).toBe(86);
    expect(done.name).toBe('Riya Sharma');

    const analyses = await stack.db.resumeAnalysis.findMany({ where: { jobApplicationId: id } });
    expect(analyses).toHaveLength(1);
    expect(analyses[0]).toMatchObject({ status: 'completed' });
    expect(analyses[0]!.extractedText).toContain('Skills: SQL, Python, Tableau');
    const quizRow = await stack.db.candidateQuizResponse.findFirstOrThrow({ where: { jobApplicationId: id } });
    expect(quizRow).toMatchObject({ status: 'submitted', passed: true });
    expect(Number(quizRow.score)).toBe(10);
    const interviews = await stack.db.voiceInterview.findMany({ where: { jobApplicationId: id }, include: { messages: true } });
    expect(interviews).toHaveLength(1);
    expect(interviews[0]!.status).toBe('completed');
    expect(interviews[0]!.messages.length).toBeGreaterThan(1);
    expect(interviews[0]!.overallScore).not.toBeNull();
    const screening = await stack.db.screeningResult.findMany({ where: { jobApplicationId: id } });
    expect(screening).toHaveLength(1);
    expect(screening[0]).toMatchObject({ verdict: 'pass' });
    expect(await stack.db.talentPoolEntry.findMany({ where: { jobApplicationId: id } })).toEqual([expect.objectContaining({ source: 'shortlisted', isActive: true })]);
    const wa = await stack.db.whatsAppMessage.findMany({ where: { jobApplicationId: id } });
    expect(wa).toEqual([expect.objectContaining({ templateName: 'candidate_outreach', status: 'sent', userId: owner.user.id })]);

    const decisions = await stack.db.candidateDecision.findMany({ where: { jobApplicationId: id }, orderBy: { createdAt: 'asc' } });
    expect(decisions.map((d) => d.kind)).toEqual(['resume_parse', 'quiz_grade', 'voice_evaluation', 'scoring', 'verdict']);
    for (const d of decisions.filter((x) => x.actorType === 'ai')) {
      expect(d.model).toBeTruthy();
      expect(d.promptVersion).toMatch(/@\d+$/);
      expect(d.inputHash).toMatch(/^[0-9a-f]{64}$/);
      expect(d.rawOutput).toBeTruthy();
    }
    const costs = await stack.db.pipelineCostLedger.findMany({ where: { jobApplicationId: id } });
    expect(costs.map((c) => `${c.stage}:${c.provider}`).sort()).toEqual(
      ['OUTREACH:OTHER', 'OUTREACH:WHATSAPP', 'RESUME_PARSING:OPENAI', 'SCORING:OPENAI', 'VOICE_INTERVIEW:ELEVENLABS', 'VOICE_INTERVIEW_EVALUATION:OPENAI'].sort(),
    );
    expect(costs.filter((c) => c.provider === 'OPENAI').every((c) => c.tokensIn > 0 && c.costMicroUsd > 0)).toBe(true);

    const handle = stack.temporal.workflow.getHandle(workflowIds.candidatePipeline(id));
    const desc = await handle.describe();
    expect(desc.typedSearchAttributes.get(MasEntityType)).toBe('job_application');
    expect(desc.typedSearchAttributes.get(MasJobPostId)).toBe(job.id);
    await until(
      async () => (await handle.describe()).typedSearchAttributes.get(MasState),
      (s) => s === 'shortlisted',
    );
    expect(await desc.staticSummary()).toBe(`Candidate · ${title} · application ${id}`);
    expect(JSON.stringify(desc.typedSearchAttributes)).not.toContain(email);
    // The duplicate voice webhook (redelivered) changes nothing.
    const conv = interviews[0]!.providerSessionId!;
    const [redelivered] = await stack.voiceSim.deliver(conv);
    expect(redelivered!.status).toBe(200);
    expect(await stack.db.voiceInterviewMessage.count({ where: { voiceInterviewId: interviews[0]!.id } })).toBe(interviews[0]!.messages.length);
    expect(await stack.db.pipelineCostLedger.count({ where: { jobApplicationId: id } })).toBe(costs.length);

    // The recruiter overrides the verdict; the audit row says who and why.
    const over = await move(id, 'override', owner.accessToken, { verdict: 'talent_pool', reason: 'Salary expectations far above the band' });
    expect(over.status).toBe(200);
    expect(await over.json()).toMatchObject({ status: 'talent_pool', jobApplicationId: id });
    expect(await stack.db.candidateDecision.findFirst({ where: { jobApplicationId: id, kind: 'override' } })).toMatchObject({ actorType: 'recruiter', actorUserId: owner.user.id, note: 'Salary expectations far above the band' });
    await record(id, 'candidate-pipeline-shortlisted.json');
  });

  it('below the threshold: the talent pool, with its entry', async () => {
    const { job, title } = await createHireJob(stack, { passThreshold: 70 });
    stack.llmSim.script({ schemaName: 'candidate_score', match: title, content: score(41) });
    const { id } = await applied(stack, job.id);
    const done = await untilStage(stack, id, 'talent_pool');
    expect(Number(done.overallScore)).toBe(41);
    expect(await stack.db.screeningResult.findFirst({ where: { jobApplicationId: id } })).toMatchObject({ verdict: 'fail' });
    expect(await stack.db.talentPoolEntry.findMany({ where: { jobApplicationId: id } })).toEqual([expect.objectContaining({ source: 'below_threshold', isActive: true, jobPostId: job.id })]);
    expect(await stack.db.candidateQuizResponse.count({ where: { jobApplicationId: id } })).toBe(0);
    expect(await stack.db.voiceInterview.count({ where: { jobApplicationId: id } })).toBe(0);
    await record(id, 'candidate-pipeline-talent-pool.json');
  });

  it('an LLM that keeps answering nonsense: retried, then the candidate waits for a recruiter; the run does not fail', async () => {
    const { job, title, owner } = await createHireJob(stack);
    stack.llmSim.script({ schemaName: 'resume_profile', match: title, raw: '{"name": "Riya", oops', times: 3 });
    const { id } = await applied(stack, job.id);
    const flagged = await untilStage(stack, id, (s) => s.attentionReason === 'llm_invalid_output');
    expect(flagged.status).toBe('resume_received');
    const handle = stack.temporal.workflow.getHandle(workflowIds.candidatePipeline(id));
    expect((await handle.describe()).status.name).toBe('RUNNING');
    // Each of the three bad answers was a real call, booked once.
    expect(await stack.db.pipelineCostLedger.count({ where: { jobApplicationId: id, stage: 'RESUME_PARSING' } })).toBe(3);
    // The recruiter reads the resume and moves the candidate on by hand.
    const res = await move(id, 'advance', owner.accessToken, { to: 'resume_parsed', note: 'Read it myself' });
    expect(res.status).toBe(200);
    await untilStage(stack, id, (s) => s.status === 'talent_pool' || s.status === 'shortlisted');
  });

  it('an unanswered interview call is retried per the job, then left for the recruiter', async () => {
    const { job, owner } = await createHireJob(stack, { voice: true, voiceMaxAttempts: 2, voiceRetryMinutes: 0 });
    const phone = '+919811100031';
    stack.voiceSim.queueOutcome([{ outcome: 'no_answer', toNumber: phone }, { outcome: 'busy', toNumber: phone }]);
    const { id } = await applied(stack, job.id, { phone });
    const flagged = await untilStage(stack, id, (s) => s.attentionReason === 'voice_unreachable');
    expect(flagged.status).toBe('voice_interview_scheduled');
    const calls = await stack.db.voiceInterview.findMany({ where: { jobApplicationId: id }, orderBy: { createdAt: 'asc' } });
    expect(calls.map((c) => c.status)).toEqual(['no_show', 'no_show']);
    // The recruiter interviews them by phone and moves them on; scoring and the verdict follow.
    expect((await move(id, 'advance', owner.accessToken, { to: 'voice_interview_completed', note: 'Called them myself' })).status).toBe(200);
    await untilStage(stack, id, (s) => s.status === 'shortlisted' || s.status === 'talent_pool');
  });

  it('a rejection mid-pipeline ends the run; nothing more is sent', async () => {
    const { job, owner } = await createHireJob(stack, { quiz: true });
    const { id, email } = await applied(stack, job.id);
    await untilStage(stack, id, 'quiz_invited');
    await stack.emailSim.waitFor({ to: email, subject: 'quiz' });
    const res = await move(id, 'reject', owner.accessToken, { code: 'not_qualified', note: 'No SQL depth' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ rejected: true, status: 'quiz_invited' });
    const handle = stack.temporal.workflow.getHandle(workflowIds.candidatePipeline(id));
    expect(await handle.result()).toMatchObject({ rejected: true });
    const row = await candidate(stack, id);
    expect(row).toMatchObject({ rejectionCode: 'not_qualified', rejectionNote: 'No SQL depth', rejectedById: owner.user.id });
    await sleep(500);
    expect(stack.emailSim.messages({ to: email })).toHaveLength(2); // outreach + quiz invite, nothing after
    // Moves after the end are refused, and change nothing.
    expect((await move(id, 'hold', owner.accessToken, {})).status).toBe(409);
    expect((await move(id, 'reject', owner.accessToken, { code: 'other' })).status).toBe(409);
    await record(id, 'candidate-pipeline-rejected.json');
  });

  it('the time-in-stage SLA tells the recruiter once', async () => {
    const { job, owner } = await createHireJob(stack, { quiz: true, stageSlaHours: { quiz_invited: 0.0005 } });
    const { id } = await applied(stack, job.id);
    await untilStage(stack, id, (s) => s.status === 'quiz_invited');
    const breached = await untilStage(stack, id, (s) => s.attentionReason === null && (s as { slaBreachedStage?: string }).slaBreachedStage === 'quiz_invited');
    expect(breached.slaBreachedAt).not.toBeNull();
    await stack.emailSim.waitFor({ to: owner.user.email, subject: 'SLA' });
    await sleep(2_500);
    expect(await stack.db.notification.count({ where: { userId: owner.user.id, category: 'JOB' } })).toBe(1);
    expect(stack.emailSim.messages({ to: owner.user.email, subject: 'SLA' })).toHaveLength(1);
  });

  it('recruiter moves: the legal ones apply, the illegal ones get 409 and change nothing', async () => {
    const { job, owner } = await createHireJob(stack, { quiz: true });
    const { id } = await applied(stack, job.id);
    await untilStage(stack, id, 'quiz_invited');
    const t = owner.accessToken;
    expect((await move(id, 'release', t)).status).toBe(409); // not held
    expect((await move(id, 'override', t, { verdict: 'shortlisted', reason: 'x' })).status).toBe(409); // no verdict yet
    expect((await move(id, 'advance', t, { to: 'resume_parsed' })).status).toBe(409); // backwards
    expect((await move(id, 'advance', t, { to: 'scoring_complete' })).status).toBe(400); // not an advance target
    const hold = await move(id, 'hold', t, { note: 'Waiting for the client' });
    expect(hold.status).toBe(200);
    expect(await hold.json()).toMatchObject({ held: true });
    expect((await move(id, 'hold', t)).status).toBe(409); // already held
    expect((await move(id, 'advance', t, { to: 'quiz_completed' })).status).toBe(409); // held
    expect((await move(id, 'release', t)).status).toBe(200);
    const adv = await move(id, 'advance', t, { to: 'quiz_completed', note: 'Took the test in person' });
    expect(adv.status).toBe(200);
    await untilStage(stack, id, (s) => s.status === 'talent_pool' || s.status === 'shortlisted');
    const kinds = (await stack.db.candidateDecision.findMany({ where: { jobApplicationId: id, actorType: 'recruiter' }, orderBy: { createdAt: 'asc' } })).map((d) => d.kind);
    expect(kinds).toEqual(['hold', 'release', 'advance']);
  });

  it('BOLA: another recruiter or platform cannot move the candidate; a quiz link opens only its own quiz', async () => {
    const { job } = await createHireJob(stack, { quiz: true });
    const { id } = await applied(stack, job.id);
    await untilStage(stack, id, 'quiz_invited');
    const other = await createUser(stack, 'ADMIN');
    expect((await move(id, 'reject', other.accessToken, { code: 'other' })).status).toBe(404);
    const boss = await createUser(stack, 'SUPERADMIN');
    const foreign = await stack.app.request(json('POST', `/api/hire/applications/${id}/hold`, {}, { ...bearerHeader(boss.accessToken), 'x-platform': 'my-analytics-school' }));
    expect(foreign.status).toBe(404);
    const student = await createUser(stack, 'USER');
    expect((await move(id, 'hold', student.accessToken)).status).toBe(403);
    expect((await stack.app.request('/api/hire/quiz/not-a-real-token-0000000000')).status).toBe(404);
    expect((await candidate(stack, id)).heldAt).toBeNull();
  });

  it('a bad voice-webhook signature gets 401', async () => {
    const res = await stack.app.request('/api/webhooks/voice', { method: 'POST', headers: { 'content-type': 'application/json', 'elevenlabs-signature': 't=1,v0=00' }, body: '{"type":"post_call_transcription","event_timestamp":1,"data":{}}' });
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });
});
