// What the pipeline's steps need. Both ServiceDeps (the api) and ActivityDeps (the worker)
// carry these fields, so a step is the same code from a route or an activity.
import type { Db } from '../../infra/prisma.js';
import type { Logger } from '../../infra/logger.js';
import type { EmailProvider } from '../../providers/email/interface.js';
import type { LlmProvider } from '../../providers/llm/interface.js';
import type { ObjectStore } from '../../providers/s3/interface.js';
import type { VoiceProvider } from '../../providers/voice/interface.js';
import type { WhatsAppProvider } from '../../providers/whatsapp/interface.js';

export interface HireSettings {
  /** The web app's origin: quiz links are <publicWebUrl>/hire/quiz/<token>. */
  publicWebUrl: string;
  emailFrom: string;
  /** The voice agent and its phone number (VOICE_AGENT_ID, VOICE_AGENT_PHONE_NUMBER_ID). */
  voiceAgentId: string;
  voiceAgentPhoneNumberId: string;
  /** Recorded as whatsapp_messages.fromPhone for outreach. */
  whatsappFromPhone: string;
}

export const DEFAULT_HIRE_SETTINGS: HireSettings = {
  publicWebUrl: 'http://localhost:5173',
  emailFrom: 'MAS Hiring <hiring@mas.local>',
  voiceAgentId: 'mas-screening-agent',
  voiceAgentPhoneNumberId: 'mas-agent-phone',
  whatsappFromPhone: '+910000000000',
};

export interface HireStepDeps {
  db: Db;
  logger: Logger;
  now: () => Date;
  llm: LlmProvider;
  resumes: ObjectStore;
  email: EmailProvider;
  whatsapp: WhatsAppProvider;
  voice: VoiceProvider;
  hire?: Partial<HireSettings> | undefined;
  /** Opens the job owner's WhatsApp config token (ActivityDeps.llmKeys; the api has it as config.llmKeys). */
  llmKeys?: { keks?: string; activeKekId?: string } | undefined;
  config?: { llmKeys?: { keks?: string; activeKekId?: string } | undefined } | undefined;
}

export const hireSettings = (deps: Pick<HireStepDeps, 'hire'>): HireSettings => ({ ...DEFAULT_HIRE_SETTINGS, ...deps.hire });
