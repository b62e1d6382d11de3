// Each Prisma status enum and its domain lifecycle agree, and every lifecycle is well formed.
import { describe, expect, it } from 'vitest';
import * as enums from '../../prisma/generated/enums.js';
import { applicationLifecycle } from '../../domain/application/status.js';
import { batchLifecycle } from '../../domain/batch/status.js';
import { candidateLifecycle } from '../../domain/candidate/status.js';
import { coursePlanLifecycle } from '../../domain/course-plan/status.js';
import { courseLifecycle } from '../../domain/lms/course-status.js';
import { enrollmentLifecycle } from '../../domain/enrollment/status.js';
import { jobPostLifecycle } from '../../domain/job-post/status.js';
import { leadLifecycle } from '../../domain/lead/status.js';
import { rawLeadLifecycle } from '../../domain/raw-lead/status.js';
import type { Lifecycle } from '../../domain/lifecycle.js';
import { meetingRecordingLifecycle } from '../../domain/meeting-recording/status.js';
import { mentorApplicationLifecycle } from '../../domain/mentor-application/status.js';
import { withdrawalLifecycle } from '../../domain/withdrawal/status.js';
import { papLifecycle } from '../../domain/pap/status.js';
import { paymentLifecycle } from '../../domain/payment/status.js';
import { slotLifecycle } from '../../domain/slot/status.js';
import { vendorApiKeyLifecycle } from '../../domain/vendor-api-key/status.js';
import { workflowEnrollmentLifecycle } from '../../domain/workflow-enrollment/status.js';
import { DomainError } from '../../domain/errors.js';
import { webinarLifecycle } from '../../domain/webinar/status.js';
import { batchMeetingLifecycle } from '../../domain/batch-meeting/status.js';
import { aiClassroomLifecycle, aiClassroomRequestLifecycle } from '../../domain/ai-classroom/status.js';
import { accountDeletionLifecycle } from '../../domain/account-deletion/status.js';

const pairs: [string, Lifecycle<string>, Record<string, string>][] = [
  ['MeetingStatus', slotLifecycle, enums.MeetingStatus],
  ['ApplicationStatus', applicationLifecycle, enums.ApplicationStatus],
  ['CandidateStatus', candidateLifecycle, enums.CandidateStatus],
  ['PapStatus', papLifecycle, enums.PapStatus],
  ['WorkflowEnrollmentStatus', workflowEnrollmentLifecycle, enums.WorkflowEnrollmentStatus],
  ['RecordingStatus', meetingRecordingLifecycle, enums.RecordingStatus],
  ['PaymentStatus', paymentLifecycle, enums.PaymentStatus],
  ['EnrollmentStatus', enrollmentLifecycle, enums.EnrollmentStatus],
  ['BatchStatus', batchLifecycle, enums.BatchStatus],
  ['LeadStatus', leadLifecycle, enums.LeadStatus],
  ['RawLeadStatus', rawLeadLifecycle, enums.RawLeadStatus],
  ['CoursePlanStatus', coursePlanLifecycle, enums.CoursePlanStatus],
  ['CourseStatus', courseLifecycle, enums.CourseStatus],
  ['VendorApiKeyStatus', vendorApiKeyLifecycle, enums.VendorApiKeyStatus],
  ['JobPostStatus', jobPostLifecycle, enums.JobPostStatus],
  ['MentorApplicationStatus', mentorApplicationLifecycle, enums.MentorApplicationStatus],
  ['MentorWithdrawalStatus', withdrawalLifecycle, enums.MentorWithdrawalStatus],
  ['WebinarStatus', webinarLifecycle, enums.WebinarStatus],
  ['BatchMeetingStatus', batchMeetingLifecycle, enums.BatchMeetingStatus],
  ['AiClassroomRequestStatus', aiClassroomRequestLifecycle, enums.AiClassroomRequestStatus],
  ['AiClassroomStatus', aiClassroomLifecycle, enums.AiClassroomStatus],
  ['AccountDeletionStatus', accountDeletionLifecycle, enums.AccountDeletionStatus],
];

describe.each(pairs)('%s', (_name, lifecycle, prismaEnum) => {
  it('has exactly the states of the Prisma enum', () => {
    expect([...lifecycle.states].sort()).toEqual(Object.values(prismaEnum).sort());
  });

  it('only moves between known states', () => {
    for (const [from, tos] of Object.entries(lifecycle.transitions)) {
      expect(lifecycle.states).toContain(from);
      for (const to of tos as string[]) expect(lifecycle.states).toContain(to);
    }
  });

  it('reaches every state from the initial one', () => {
    const seen = new Set([lifecycle.initial]);
    const queue = [lifecycle.initial];
    while (queue.length) {
      for (const to of lifecycle.transitions[queue.shift()!]!) {
        if (seen.has(to)) continue;
        seen.add(to);
        queue.push(to);
      }
    }
    expect([...seen].sort()).toEqual([...lifecycle.states].sort());
  });

  it('refuses every edge it does not list, with ILLEGAL_TRANSITION', () => {
    for (const from of lifecycle.states) {
      for (const to of lifecycle.states) {
        const allowed = lifecycle.transitions[from]!.includes(to);
        expect(lifecycle.canTransition(from, to)).toBe(allowed);
        if (!allowed) expect(() => lifecycle.assertTransition(from, to)).toThrowError(DomainError);
      }
    }
  });
});
