// Every workflow the worker registers. The bundle is built from this file only.
export { meetingEarnings } from './meeting-earnings/meeting-earnings.workflow.js';
export { noop } from './noop/noop.workflow.js';
export { slotHold } from './slot-hold/slot-hold.workflow.js';
export { slotBookedNotification } from './slot-notification/slot-notification.workflow.js';
export { tokenPurchase } from './token-purchase/token-purchase.workflow.js';
export { purchaseRefund } from './purchase-refund/purchase-refund.workflow.js';
export { crmFollowUp } from './crm-followup/crm-followup.workflow.js';
export { exotelCall } from './exotel-call/exotel-call.workflow.js';
export { meetingRecording } from './meeting-recording/meeting-recording.workflow.js';
export { meetingRecordingDeletion } from './meeting-recording/meeting-recording-deletion.workflow.js';
export { crmEnrollment } from './crm-enrollment/crm-enrollment.workflow.js';
export { crmBulkOperation } from './crm-bulk/crm-bulk.workflow.js';
export { crmTriggerSweeper } from './crm-trigger-sweeper/crm-trigger-sweeper.workflow.js';
export { candidatePipeline } from './candidate-pipeline/candidate-pipeline.workflow.js';
export { hireBulkReject } from './hire-bulk-reject/hire-bulk-reject.workflow.js';
export { talentPoolMatch } from './talent-pool-match/talent-pool-match.workflow.js';
export { aiCallCampaign } from './ai-call-campaign/ai-call-campaign.workflow.js';
