// Pay-after-placement agreement (seed: Mas101PapWorkflow.status). Deviations from the seed, as
// the PAP issue asks: an admin's review rejection sends the student back to PENDING_MOU_DETAILS
// or PENDING_MOU_UPLOAD (the admin says which), and the collection phase ends in COMPLETED
// (everything collected) or WRITTEN_OFF (an admin wrote the balance off, with a reason). Also: a
// placement the admin cannot verify goes back to ENROLLED (the student reports it again); an
// agreement with nothing owed (the upfront option) is COMPLETED when its placement is verified;
// one whose student was never placed can be written off from ENROLLED.
import { defineLifecycle } from '../lifecycle.js';

export const papLifecycle = defineLifecycle(
  'PAP agreement',
  [
    'PENDING_MOU_DETAILS',
    'PENDING_MOU_UPLOAD',
    'PENDING_MOU_REVIEW',
    'MOU_SIGNED_APPROVED',
    'PENDING_PAYMENT_OPTION',
    'PENDING_PAP_APPROVAL',
    'PENDING_UPFRONT_PAYMENT',
    'ENROLLED',
    'PLACEMENT_UNDER_REVIEW',
    'PAYMENT_COLLECTION_PENDING',
    'COMPLETED',
    'WRITTEN_OFF',
  ],
  'PENDING_MOU_DETAILS',
  {
    PENDING_MOU_DETAILS: ['PENDING_MOU_UPLOAD'],
    PENDING_MOU_UPLOAD: ['PENDING_MOU_REVIEW'],
    PENDING_MOU_REVIEW: ['MOU_SIGNED_APPROVED', 'PENDING_MOU_DETAILS', 'PENDING_MOU_UPLOAD'],
    MOU_SIGNED_APPROVED: ['PENDING_PAYMENT_OPTION'],
    PENDING_PAYMENT_OPTION: ['PENDING_PAP_APPROVAL', 'PENDING_UPFRONT_PAYMENT'],
    PENDING_PAP_APPROVAL: ['ENROLLED'],
    PENDING_UPFRONT_PAYMENT: ['ENROLLED'],
    ENROLLED: ['PLACEMENT_UNDER_REVIEW', 'WRITTEN_OFF'],
    PLACEMENT_UNDER_REVIEW: ['PAYMENT_COLLECTION_PENDING', 'ENROLLED', 'COMPLETED', 'WRITTEN_OFF'],
    PAYMENT_COLLECTION_PENDING: ['COMPLETED', 'WRITTEN_OFF'],
    COMPLETED: [],
    WRITTEN_OFF: [],
  },
);
export type PapStatus = (typeof papLifecycle.states)[number];

/** The steps a person takes, each a Workflow Update; `from` is the one state it is allowed in. */
export const PAP_STEPS = {
  submitMouDetails: { from: ['PENDING_MOU_DETAILS'], by: 'student' },
  submitSignedMou: { from: ['PENDING_MOU_UPLOAD'], by: 'student' },
  reviewMou: { from: ['PENDING_MOU_REVIEW'], by: 'staff' },
  choosePaymentOption: { from: ['PENDING_PAYMENT_OPTION'], by: 'student' },
  approvePap: { from: ['PENDING_PAP_APPROVAL'], by: 'staff' },
  reportPlacement: { from: ['ENROLLED'], by: 'student or staff' },
  verifyPlacement: { from: ['PLACEMENT_UNDER_REVIEW'], by: 'staff' },
  writeOff: { from: ['ENROLLED', 'PLACEMENT_UNDER_REVIEW', 'PAYMENT_COLLECTION_PENDING'], by: 'staff' },
} as const satisfies Record<string, { from: readonly PapStatus[]; by: 'student' | 'staff' | 'student or staff' }>;
export type PapStep = keyof typeof PAP_STEPS;

/** Why a step is refused in `status`, or null when it is allowed. */
export function papStepRefusal(step: PapStep, status: PapStatus): string | null {
  const allowed = PAP_STEPS[step].from as readonly PapStatus[];
  return allowed.includes(status) ? null : `${step} is not allowed while the PAP agreement is ${status} (only from ${allowed.join(' or ')})`;
}

/** States in which the run waits on the student (reminders run there). */
export const STUDENT_WAITS: readonly PapStatus[] = ['PENDING_MOU_DETAILS', 'PENDING_MOU_UPLOAD', 'PENDING_PAYMENT_OPTION', 'PENDING_UPFRONT_PAYMENT'];
