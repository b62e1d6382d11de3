// The demo world: staff, mentors and students with wallets, slots in several states, a batch
// with its course, job posts with applications, CRM leads with a published workflow, a PAP
// application. Fixed IDs and upserts with empty updates make every rerun a no-op.
import type { Db } from '../../infra/prisma.js';
import { coursesOfLearner, MRLEARN_SIM_DEFAULTS, mrLearnLearnerIdentity } from '../../providers/mrlearn/simulator.js';

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export const DEMO = {
  adminId: id(1),
  mentorUserId: id(2),
  studentId: id(3),
  superadminId: id(4),
  salesHeadId: id(5),
  salesRepIds: [id(6), id(7)],
  secondMentorId: id(8),
  secondStudentId: id(9),
  confirmedSlotId: id(101),
  tentativeSlotId: id(102),
  pastSlotId: id(103),
  completedSlotId: id(104),
  requestedSlotId: id(105),
  cancelledSlotId: id(106),
  courseId: id(201),
  moduleId: id(202),
  classId: id(203),
  batchId: id(204),
  jobPostIds: [id(301), id(302)],
  jobApplicationIds: [id(311), id(312), id(313)],
  screeningConfigIds: [id(321), id(322)],
  jobTemplateId: id(331),
  quizTemplateId: id(332),
  salaryBenchmarkIds: [id(341), id(342)],
  aiCallPromptId: id(351),
  leadIds: [id(401), id(402), id(403), id(404)],
  workflowId: id(410),
  papTemplateId: id(501),
  applicationId: id(502),
  papWorkflowId: id(503),
  /** Students of the MAS101 batch who are also learners of the Mr Learn simulator (same email). */
  learnerStudentIds: [id(10), id(11), id(12)],
  learnerApplicationIds: [id(510), id(511), id(512)],
} as const;

/** The Mr Learn course the demo learners all take (the README maps it to the batch). */
export const DEMO_MR_LEARN_COURSE = 1;

/** The first three learners of the `npm start` Mr Learn simulator who take crs_0001. */
export function demoLearners(): { index: number; email: string; name: string }[] {
  const out: { index: number; email: string; name: string }[] = [];
  for (let i = 1; out.length < 3 && i < MRLEARN_SIM_DEFAULTS.learners; i++) {
    if (coursesOfLearner(i, MRLEARN_SIM_DEFAULTS.courses).includes(DEMO_MR_LEARN_COURSE)) out.push({ index: i, ...mrLearnLearnerIdentity(i) });
  }
  return out;
}

const HOUR = 3_600_000;

async function people(tx: Tx) {
  const user = (uid: string, email: string, name: string, role: 'USER' | 'EXPERT' | 'ADMIN' | 'SUPERADMIN' | 'SALES', extra: { salesHeadId?: string; platform?: string } = {}) =>
    tx.user.upsert({
      where: { id: uid },
      create: { id: uid, email, name, role, stage: 'ACTIVE', platform: extra.platform ?? 'mr-mentor', salesHeadId: extra.salesHeadId ?? null },
      update: {},
    });
  await user(DEMO.adminId, 'admin@mas.local', 'Asha Admin', 'ADMIN');
  await user(DEMO.superadminId, 'superadmin@mas.local', 'Suresh Superadmin', 'SUPERADMIN');
  await user(DEMO.salesHeadId, 'sales.head@mas.local', 'Meera Sales Head', 'SALES', { platform: 'my-analytics-school' });
  await user(DEMO.salesRepIds[0], 'rohan.sales@mas.local', 'Rohan Sales', 'SALES', { salesHeadId: DEMO.salesHeadId, platform: 'my-analytics-school' });
  await user(DEMO.salesRepIds[1], 'kavya.sales@mas.local', 'Kavya Sales', 'SALES', { salesHeadId: DEMO.salesHeadId, platform: 'my-analytics-school' });
  await tx.salesHeadProfile.upsert({ where: { userId: DEMO.salesHeadId }, create: { userId: DEMO.salesHeadId }, update: {} });

  await user(DEMO.mentorUserId, 'riya.mentor@mas.local', 'Riya Sharma', 'EXPERT');
  await user(DEMO.secondMentorId, 'vikram.mentor@mas.local', 'Vikram Rao', 'EXPERT');
  const mentor = (userId: string, bio: string, expertise: string[], rateTokens: number, earningPerSessionPaise: number) =>
    tx.mentor.upsert({ where: { userId }, create: { userId, bio, expertise, rateTokens, earningPerSessionPaise }, update: {} });
  await mentor(DEMO.mentorUserId, 'Data analyst, 8 years in fintech.', ['SQL', 'Power BI', 'Python'], 2, 50_000);
  await mentor(DEMO.secondMentorId, 'Product analytics lead.', ['Product analytics', 'A/B testing', 'Excel'], 3, 75_000);

  await user(DEMO.studentId, 'arjun@mas.local', 'Arjun Mehta', 'USER');
  await user(DEMO.secondStudentId, 'sana@mas.local', 'Sana Khan', 'USER');
  for (const [userId, balance, promo] of [
    [DEMO.studentId, 10, 2],
    [DEMO.secondStudentId, 4, 0],
  ] as const) {
    await tx.token.upsert({ where: { userId }, create: { userId, balance, lifetimePurchased: balance }, update: {} });
    await tx.promotionalToken.upsert({ where: { userId }, create: { userId, balance: promo, grantedTotal: promo, source: 'signup-bonus' }, update: {} });
  }
}

async function slots(tx: Tx, day: number) {
  const slot = (sid: string, mentorId: string, startOffsetH: number, status: 'CONFIRMED' | 'TENTATIVE' | 'MEETING_REQUESTED' | 'CANCELLED', studentId: string | null) =>
    tx.slot.upsert({
      where: { id: sid },
      create: {
        id: sid,
        mentorId,
        studentId,
        title: 'SQL interview prep',
        startDateTime: new Date(day + startOffsetH * HOUR),
        endDateTime: new Date(day + (startOffsetH + 1) * HOUR),
        status,
        priceTokens: 2,
        mentorEarningPaise: 50_000,
      },
      update: {},
    });
  await slot(DEMO.confirmedSlotId, DEMO.mentorUserId, 0, 'CONFIRMED', DEMO.studentId);
  await slot(DEMO.tentativeSlotId, DEMO.mentorUserId, 48, 'TENTATIVE', null);
  await slot(DEMO.pastSlotId, DEMO.mentorUserId, -24, 'CONFIRMED', DEMO.studentId);
  await slot(DEMO.requestedSlotId, DEMO.secondMentorId, 72, 'MEETING_REQUESTED', DEMO.secondStudentId);
  await slot(DEMO.cancelledSlotId, DEMO.secondMentorId, 24, 'CANCELLED', DEMO.secondStudentId);
}

async function learning(tx: Tx, day: number) {
  await tx.course.upsert({
    where: { id: DEMO.courseId },
    create: { id: DEMO.courseId, slug: 'mas101-data-analytics', title: 'MAS101: Data Analytics', level: 'BEGINNER', status: 'PUBLISHED', price: '49999.00', publishedAt: new Date(day) },
    update: {},
  });
  await tx.module.upsert({ where: { id: DEMO.moduleId }, create: { id: DEMO.moduleId, courseId: DEMO.courseId, title: 'SQL foundations', position: 1, isPublished: true }, update: {} });
  await tx.class.upsert({ where: { id: DEMO.classId }, create: { id: DEMO.classId, moduleId: DEMO.moduleId, title: 'SELECT, WHERE, GROUP BY', position: 1, isPublished: true }, update: {} });
  await tx.batch.upsert({
    where: { id: DEMO.batchId },
    create: { id: DEMO.batchId, code: 'mas101-2026', name: 'MAS101 · 2026 cohort', status: 'ACTIVE', enrollmentFee: '49999.00', courseId: DEMO.courseId, startDate: new Date(day - 30 * 24 * HOUR) },
    update: {},
  });
}

/** The platform the demo's hiring happens on (its applications come in there too). */
export const DEMO_HIRING_PLATFORM = 'mr-mentor';

const DEMO_QUIZ = [
  { id: 'q1', question: 'Which SQL clause filters rows after GROUP BY?', type: 'single_choice', options: ['WHERE', 'HAVING', 'ORDER BY', 'LIMIT'], correct: [1], points: 10 },
  { id: 'q2', question: 'Which of these are aggregate functions?', type: 'multiple_choice', options: ['SUM', 'LOWER', 'COUNT', 'AVG'], correct: [0, 2, 3], points: 10 },
  { id: 'q3', question: 'A LEFT JOIN keeps…', type: 'single_choice', options: ['only matching rows', 'every row of the left table', 'every row of both tables'], correct: [1], points: 10 },
  { id: 'q4', question: 'Which chart best shows a trend over time?', type: 'single_choice', options: ['Pie chart', 'Line chart', 'Scatter plot'], correct: [1], points: 10 },
  { id: 'q5', question: 'Which measures are robust to outliers?', type: 'multiple_choice', options: ['Mean', 'Median', 'Interquartile range', 'Range'], correct: [1, 2], points: 10 },
];

async function hiring(tx: Tx) {
  const post = (pid: string, title: string) =>
    tx.jobPost.upsert({
      where: { id: pid },
      create: {
        id: pid,
        title,
        roles: [title],
        skills: ['SQL', 'Excel'],
        location: 'Bengaluru',
        experienceMinYears: 1,
        experienceMaxYears: 4,
        status: 'active',
        salaryMin: '600000.00',
        salaryMax: '1200000.00',
        belongsTo: DEMO.adminId,
        postedOn: DEMO_HIRING_PLATFORM,
        publishedAt: new Date('2026-11-01T00:00:00Z'),
      },
      update: {},
    });
  await post(DEMO.jobPostIds[0], 'Data Analyst');
  await post(DEMO.jobPostIds[1], 'Business Analyst');
  // Posts seeded before jobs had a platform get it once (a rerun changes nothing).
  await tx.jobPost.updateMany({ where: { id: { in: [...DEMO.jobPostIds] }, postedOn: null }, data: { postedOn: DEMO_HIRING_PLATFORM } });

  await tx.quizTemplate.upsert({
    where: { id: DEMO.quizTemplateId },
    create: { id: DEMO.quizTemplateId, name: 'Analyst fundamentals', roleTitle: 'Data Analyst', skills: ['SQL', 'Statistics'], difficulty: 'easy', questions: DEMO_QUIZ, timeLimitMinutes: 20, passPercentage: '60.00', createdById: null },
    update: {},
  });
  for (const [n, jobPostId] of DEMO.jobPostIds.entries()) {
    await tx.jobScreeningConfig.upsert({
      where: { id: DEMO.screeningConfigIds[n]! },
      create: {
        id: DEMO.screeningConfigIds[n]!,
        jobPostId,
        passThreshold: '65.00',
        mustHaveSkills: ['SQL'],
        niceToHaveSkills: ['Python', 'Power BI'],
        minExperienceYears: 1,
        outreachEnabled: true,
        quizEnabled: true,
        quizTemplateId: DEMO.quizTemplateId,
        voiceInterviewEnabled: true,
        voiceInterviewQuestions: ['Walk me through an analysis you are proud of', 'How do you check a dashboard is right?'],
        stageSlaHours: { resume_received: 24, quiz_invited: 72, voice_interview_scheduled: 48 },
        quizExpiryHours: 72,
        voiceMaxAttempts: 2,
        voiceRetryMinutes: 60,
      },
      update: {},
    });
  }
  await tx.jobTemplate.upsert({
    where: { id: DEMO.jobTemplateId },
    create: {
      id: DEMO.jobTemplateId,
      userId: null,
      name: 'Data Analyst (entry level)',
      title: 'Data Analyst',
      description: 'Turn data into decisions: SQL, dashboards and clear write-ups for business teams.',
      roles: [{ title: 'Data Analyst', skills: ['SQL', 'Excel', 'Power BI'], responsibilities: ['Build and maintain dashboards', 'Answer ad-hoc business questions'] }],
      skills: ['SQL', 'Excel', 'Power BI'],
      employmentType: 'full_time',
      workMode: 'hybrid',
      experienceMinYears: 0,
      experienceMaxYears: 2,
      salaryMin: '400000.00',
      salaryMax: '700000.00',
    },
    update: {},
  });
  const benchmark = (bid: string, role: string, min: string, median: string, max: string) =>
    tx.salaryBenchmark.upsert({
      where: { id: bid },
      create: { id: bid, role, location: 'India', experienceMinYears: 0, experienceMaxYears: 5, salaryMin: min, salaryMedian: median, salaryMax: max, source: 'MAS placements 2026', sampleSize: 120, asOf: new Date('2026-10-01') },
      update: {},
    });
  await benchmark(DEMO.salaryBenchmarkIds[0], 'Data Analyst', '450000.00', '750000.00', '1100000.00');
  await benchmark(DEMO.salaryBenchmarkIds[1], 'Business Analyst', '500000.00', '850000.00', '1300000.00');
  await tx.aiCallPrompt.upsert({
    where: { id: DEMO.aiCallPromptId },
    create: {
      id: DEMO.aiCallPromptId,
      name: 'candidate-screening',
      purpose: 'candidate_screening',
      systemPrompt:
        'You are a friendly recruiter calling {{candidateName}} about the {{jobTitle}} role. Confirm their interest, notice period and expected CTC, then ask the interview questions one at a time. Be brief and polite.',
      firstMessage: 'Hi {{candidateName}}, this is the Mr-Hire assistant calling about your application for {{jobTitle}}. Is now a good time?',
      variables: ['candidateName', 'jobTitle'],
      version: 1,
    },
    update: {},
  });

  const apps: [string, string, string, 'resume_received' | 'resume_parsed' | 'shortlisted'][] = [
    [DEMO.jobApplicationIds[0], DEMO.jobPostIds[0], 'Neha Gupta', 'resume_received'],
    [DEMO.jobApplicationIds[1], DEMO.jobPostIds[0], 'Karan Singh', 'resume_parsed'],
    [DEMO.jobApplicationIds[2], DEMO.jobPostIds[1], 'Pooja Iyer', 'shortlisted'],
  ];
  for (const [aid, jobPostId, name, status] of apps) {
    await tx.jobApplication.upsert({
      where: { id: aid },
      create: { id: aid, jobPostId, name, email: `${name.split(' ')[0]!.toLowerCase()}@candidates.local`, status, platform: DEMO_HIRING_PLATFORM },
      update: {},
    });
  }
}

async function crm(tx: Tx) {
  const leads: [string, string, string, 'vendor' | 'webinar' | 'manual' | 'import', string | null][] = [
    [DEMO.leadIds[0], 'Aditya Verma', '+919812300001', 'webinar', DEMO.salesRepIds[0]],
    [DEMO.leadIds[1], 'Ishita Das', '+919812300002', 'vendor', DEMO.salesRepIds[1]],
    [DEMO.leadIds[2], 'Manish Patel', '+919812300003', 'manual', null],
    [DEMO.leadIds[3], 'Divya Nair', '+919812300004', 'import', DEMO.salesRepIds[0]],
  ];
  for (const [lid, name, phone, sourceType, assignedTo] of leads) {
    await tx.rawLead.upsert({
      where: { id: lid },
      create: {
        id: lid,
        name,
        phone,
        email: `${name.split(' ')[0]!.toLowerCase()}@leads.local`,
        sessionYear: '2026',
        sourceType,
        assignedTo,
        assignedAt: assignedTo ? new Date('2026-11-01T09:00:00Z') : null,
        owningSalesHeadId: DEMO.salesHeadId,
        batchId: DEMO.batchId,
      },
      update: {},
    });
  }
  const definition = {
    nodes: [
      { id: 'trigger', type: 'trigger.lead_created' },
      { id: 'welcome', type: 'action.send_whatsapp', template: 'mas_welcome' },
      { id: 'wait', type: 'delay.duration', hours: 24 },
      { id: 'followup', type: 'action.create_follow_up', inMinutes: 60 },
      { id: 'end', type: 'end' },
    ],
    edges: [
      { from: 'trigger', to: 'welcome' },
      { from: 'welcome', to: 'wait' },
      { from: 'wait', to: 'followup' },
      { from: 'followup', to: 'end' },
    ],
  };
  await tx.crmWorkflow.upsert({
    where: { id: DEMO.workflowId },
    create: { id: DEMO.workflowId, name: 'New lead welcome', status: 'PUBLISHED', triggerType: 'LEAD_CREATED', definition, version: 1, publishedAt: new Date('2026-11-01T00:00:00Z') },
    update: {},
  });
  await tx.crmWorkflowVersion.upsert({
    where: { workflowId_version: { workflowId: DEMO.workflowId, version: 1 } },
    create: { workflowId: DEMO.workflowId, version: 1, definition, publishedBy: DEMO.salesHeadId, changeNote: 'First version' },
    update: {},
  });
}

/** Batch members a Mr Learn sync of the simulator matches by email (README: "sync Mr Learn"). */
async function learners(tx: Tx) {
  const found = demoLearners();
  for (const [k, l] of found.entries()) {
    const uid = DEMO.learnerStudentIds[k]!;
    await tx.user.upsert({ where: { id: uid }, create: { id: uid, email: l.email, name: l.name, role: 'USER', stage: 'ACTIVE', platform: 'my-analytics-school' }, update: {} });
    await tx.application.upsert({
      where: { id: DEMO.learnerApplicationIds[k]! },
      create: { id: DEMO.learnerApplicationIds[k]!, userId: uid, batchId: DEMO.batchId, status: 'ENROLLED', name: l.name, email: l.email },
      update: {},
    });
  }
}

async function pap(tx: Tx) {
  await tx.mas101PapAgreementTemplate.upsert({
    where: { id: DEMO.papTemplateId },
    create: { id: DEMO.papTemplateId, name: 'MAS101 PAP MOU', version: 1, papFeePercent: '15.00', description: '15% of first-year CTC, payable after placement' },
    update: {},
  });
  await tx.application.upsert({
    where: { id: DEMO.applicationId },
    create: { id: DEMO.applicationId, userId: DEMO.secondStudentId, batchId: DEMO.batchId, status: 'APPROVED', name: 'Sana Khan', email: 'sana@mas.local', phone: '+919812300099' },
    update: {},
  });
  await tx.mas101PapWorkflow.upsert({
    where: { id: DEMO.papWorkflowId },
    create: { id: DEMO.papWorkflowId, applicationId: DEMO.applicationId, userId: DEMO.secondStudentId, batchId: DEMO.batchId, agreementTemplateId: DEMO.papTemplateId },
    update: {},
  });
}

export async function seedDemoWorld(tx: Tx, now = Date.now()): Promise<void> {
  // Slot times are relative to the first seeding; reruns keep rows as they are.
  const day = Math.floor(now / HOUR) * HOUR - HOUR;
  await people(tx);
  await slots(tx, day);
  await learning(tx, day);
  await hiring(tx);
  await crm(tx);
  await pap(tx);
  await learners(tx);
}
