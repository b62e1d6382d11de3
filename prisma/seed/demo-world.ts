// The demo world: staff, mentors and students with wallets, slots in several states, a batch
// with its course, job posts with applications, CRM leads with a published workflow, a PAP
// application. Fixed IDs and upserts with empty updates make every rerun a no-op.
import type { Db } from '../../infra/prisma.js';

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
  leadIds: [id(401), id(402), id(403), id(404)],
  workflowId: id(410),
  papTemplateId: id(501),
  applicationId: id(502),
  papWorkflowId: id(503),
} as const;

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

async function hiring(tx: Tx) {
  const post = (pid: string, title: string) =>
    tx.jobPost.upsert({
      where: { id: pid },
      create: { id: pid, title, roles: [title], status: 'active', postedOn: 'mr-mentor', salaryMin: '600000.00', salaryMax: '1200000.00', belongsTo: DEMO.adminId },
      update: {},
    });
  await post(DEMO.jobPostIds[0], 'Data Analyst');
  await post(DEMO.jobPostIds[1], 'Business Analyst');
  const apps: [string, string, string, 'resume_received' | 'resume_parsed' | 'shortlisted'][] = [
    [DEMO.jobApplicationIds[0], DEMO.jobPostIds[0], 'Neha Gupta', 'resume_received'],
    [DEMO.jobApplicationIds[1], DEMO.jobPostIds[0], 'Karan Singh', 'resume_parsed'],
    [DEMO.jobApplicationIds[2], DEMO.jobPostIds[1], 'Pooja Iyer', 'shortlisted'],
  ];
  for (const [aid, jobPostId, name, status] of apps) {
    await tx.jobApplication.upsert({
      where: { id: aid },
      create: { id: aid, jobPostId, name, email: `${name.split(' ')[0]!.toLowerCase()}@candidates.local`, status, platform: 'mr-mentor' },
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
}
