// Business workflow IDs: one live run per entity, readable in the Temporal Web UI.
export const workflowIds = {
  meetingEarnings: (slotId: string) => `meeting-earnings/${slotId}`,
  slotHold: (slotId: string) => `slot-hold/${slotId}`,
  slotBookedNotification: (slotId: string) => `notify/slot-booked/${slotId}`,
  slotCalendar: (slotId: string) => `calendar/slot/${slotId}`,
  tokenPurchase: (purchaseId: string) => `payment/token/${purchaseId}`,
  purchaseRefund: (purchaseId: string) => `payment/refund/${purchaseId}`,
  /** One payment attempt: the token purchase's id, or the global payment's id for an application fee. */
  payment: (kind: string, key: string) => `payment/${kind}/${key}`,
  /** The refund of a global payment, with its credit note (token purchases keep purchaseRefund). */
  paymentRefund: (globalPaymentId: string) => `payment/refund/${globalPaymentId}`,
  crmFollowUp: (followUpId: string) => `crm-followup/${followUpId}`,
  crmEnrollment: (enrollmentId: string) => `crm-enrollment/${enrollmentId}`,
  crmBulkOperation: (operationId: string) => `crm-bulk/${operationId}`,
  /** One per Exotel call: its StatusCallbacks signal it; it re-fetches the call and writes lead_call_logs. */
  exotelCall: (callSid: string) => `exotel-call/${callSid}`,
  meetingRecording: (recordingId: string) => `meeting-recording/${recordingId}`,
  meetingRecordingDeletion: (recordingId: string) => `meeting-recording-deletion/${recordingId}`,
  /** One Mr-Hire pipeline run per job application (apply → shortlisted or talent pool). */
  candidatePipeline: (jobApplicationId: string) => `candidate/${jobApplicationId}`,
  /** One PAP agreement run per mas101_pap_workflows row: MOU, review, payment option, enrolment. */
  pap: (papWorkflowId: string) => `pap/${papWorkflowId}`,
  /** One generation run of an AI course plan (a retry after a failure is a new run of the same id). */
  coursePlan: (planId: string) => `course-plan/${planId}`,
  /** One open account deletion per user: the grace timer, then the purge. */
  accountDeletion: (userId: string) => `account-deletion/${userId}`,
  /** The delivery of one staff WhatsApp message of an application's thread. */
  applicationWhatsApp: (messageId: string) => `application-whatsapp/${messageId}`,
} as const;

export function parseWorkflowId(id: string): { kind: string; entityId: string } | null {
  const i = id.lastIndexOf('/');
  if (i <= 0 || i === id.length - 1) return null;
  return { kind: id.slice(0, i), entityId: id.slice(i + 1) };
}
