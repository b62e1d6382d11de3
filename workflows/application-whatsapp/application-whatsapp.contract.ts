// Contract of applicationWhatsApp: the api starts it once the message is logged `queued` in
// application_whatsapp_messages.
export interface ApplicationWhatsAppInput {
  messageId: string;
  applicationId: string;
}

/** sent: the provider took it (now or on an earlier attempt); refused: for good (row `failed`). */
export type ApplicationWhatsAppOutcome = 'sent' | 'refused';

export interface ApplicationWhatsAppResult {
  messageId: string;
  outcome: ApplicationWhatsAppOutcome;
}
