// The voice simulator's calls: each outbound call gets a conversation that ends after a delay
// in the queued outcome: a deterministic short interview (built from the dynamic variables)
// or an initiation failure, with the webhook body the vendor would post for it.
import { createHash, randomBytes } from 'node:crypto';
import type { OutboundCallBody } from './schemas.js';

export type CallOutcome = 'completed' | 'no_answer' | 'busy' | 'failed' | 'refused';
export const CALL_OUTCOMES: readonly CallOutcome[] = ['completed', 'no_answer', 'busy', 'failed', 'refused'];

/** What the next outbound call (to toNumber, when given) does. */
export interface QueuedOutcome {
  /** Default completed. `refused` answers success:false at once (no conversation, no webhook). */
  outcome?: CallOutcome;
  /** Post the webhook twice (the same bytes). */
  duplicate?: boolean;
  /** false: hold the webhook; deliver it later with deliver(). Default true. */
  deliver?: boolean;
  /** How long the call lasts before its webhook. Default the simulator's callDelayMs. */
  callDelayMs?: number;
  /** Only a call to this number takes it. */
  toNumber?: string;
}

export interface Turn {
  role: 'agent' | 'user';
  message: string;
  time_in_call_secs: number;
}

export interface SimCall {
  conversationId: string;
  callSid: string;
  agentId: string;
  agentPhoneNumberId: string;
  toNumber: string;
  dynamicVariables: Record<string, string | number | boolean>;
  outcome: Exclude<CallOutcome, 'refused'>;
  /** initiated → in-progress → done (completed) or failed. */
  status: 'initiated' | 'in-progress' | 'done' | 'failed';
  startedAt: string;
  endedAt: string | null;
  duplicate: boolean;
  autoDeliver: boolean;
  /** The webhook the call produced (once it ended): its type and exact body. */
  webhook: { type: 'post_call_transcription' | 'call_initiation_failure'; raw: string; eventTimestamp: number } | null;
  transcript: Turn[];
  durationSecs: number | null;
  summary: string | null;
  /** analysis.data_collection_results of a completed call. */
  collected: Record<string, unknown> | null;
}

/** Twilio's words, which the vendor passes on. */
export const FAILURE_REASONS: Record<Exclude<CallOutcome, 'completed' | 'refused'>, string> = { no_answer: 'no-answer', busy: 'busy', failed: 'failed' };

export const newConversationId = () => `conv_${randomBytes(13).toString('hex')}`;
export const newCallSid = () => `CA${randomBytes(16).toString('hex')}`;

export function newCall(body: OutboundCallBody, queued: QueuedOutcome): SimCall {
  return {
    conversationId: newConversationId(),
    callSid: newCallSid(),
    agentId: body.agent_id,
    agentPhoneNumberId: body.agent_phone_number_id,
    toNumber: body.to_number,
    dynamicVariables: body.conversation_initiation_client_data?.dynamic_variables ?? {},
    outcome: queued.outcome === 'refused' || !queued.outcome ? 'completed' : queued.outcome,
    status: 'initiated',
    startedAt: new Date().toISOString(),
    endedAt: null,
    duplicate: queued.duplicate ?? false,
    autoDeliver: queued.deliver ?? true,
    webhook: null,
    transcript: [],
    durationSecs: null,
    summary: null,
    collected: null,
  };
}

const SKILLS = ['SQL', 'Python', 'Excel', 'Tableau', 'Power BI', 'statistics', 'stakeholder communication', 'dashboards'];
const NOTICE = ['immediately', 'in 15 days', 'in 30 days', 'in 60 days'];

function firstString(vars: Record<string, unknown>, keys: string[]): string | null {
  for (const k of keys) {
    const v = vars[k];
    if ((typeof v === 'string' && v.trim()) || typeof v === 'number') return String(v).trim();
  }
  return null;
}

/** The same variables always give the same interview. */
export function interview(vars: Record<string, string | number | boolean>): { transcript: Turn[]; durationSecs: number; summary: string; data: Record<string, unknown> } {
  const seed = createHash('sha256').update(JSON.stringify(Object.keys(vars).sort().map((k) => [k, vars[k]]))).digest();
  let i = 0;
  const next = (n: number) => seed[i++ % seed.length]! % n;
  const first = firstString(vars, ['first_name', 'firstName', 'candidate_first_name'])
    ?? firstString(vars, ['candidate_name', 'candidateName', 'name'])?.split(/\s+/)[0]
    ?? 'there';
  const job = firstString(vars, ['job_title', 'jobTitle', 'role']) ?? 'open';
  const company = firstString(vars, ['company_name', 'companyName', 'company']) ?? 'the hiring team';
  const agent = firstString(vars, ['agent_name', 'agentName']) ?? 'Aarya';
  const years = 1 + next(9);
  const s1 = SKILLS[next(SKILLS.length)]!;
  const s2 = SKILLS.filter((s) => s !== s1)[next(SKILLS.length - 1)]!;
  const notice = NOTICE[next(NOTICE.length)]!;
  const lines: [Turn['role'], string][] = [
    ['agent', `Hello ${first}, this is ${agent} calling from ${company} about the ${job} position. Is this a good time to talk for a few minutes?`],
    ['user', 'Yes, this is a good time.'],
    ['agent', `Great. Could you tell me about your experience relevant to the ${job} role?`],
    ['user', `I have ${years} years of experience, mostly working with ${s1} and ${s2}.`],
    ['agent', 'What would you say is your strongest skill?'],
    ['user', `Probably ${s1}; I use it every day.`],
    ['agent', 'When could you join if you are selected?'],
    ['user', `I could join ${notice}.`],
    ['agent', `Thank you, ${first}. The recruiting team will get back to you soon. Goodbye.`],
  ];
  let t = 0;
  const transcript = lines.map(([role, message]) => {
    const turn = { role, message, time_in_call_secs: t };
    t += 3 + Math.ceil(message.length / 15) + next(3);
    return turn;
  });
  return {
    transcript,
    durationSecs: t,
    summary: `${first} spoke about the ${job} role: ${years} years of experience with ${s1} and ${s2}, strongest in ${s1}, able to join ${notice}.`,
    data: {
      years_of_experience: { data_collection_id: 'years_of_experience', value: years, rationale: `The candidate said ${years} years.` },
      notice_period: { data_collection_id: 'notice_period', value: notice, rationale: `The candidate said they could join ${notice}.` },
    },
  };
}

/** The conversation as GET /v1/convai/conversations/<id> (and the transcription webhook's data) shows it. */
export function conversationView(call: SimCall) {
  return {
    agent_id: call.agentId,
    conversation_id: call.conversationId,
    status: call.status,
    transcript: call.transcript.map((t) => ({ ...t, tool_calls: [], tool_results: [], feedback: null, conversation_turn_metrics: null })),
    metadata: {
      start_time_unix_secs: Math.floor(Date.parse(call.startedAt) / 1000),
      call_duration_secs: call.durationSecs ?? 0,
      cost: call.durationSecs ? call.durationSecs * 10 : 0,
      termination_reason: call.status === 'done' ? 'Call ended by remote party' : '',
      phone_call: { direction: 'outbound', agent_number: call.agentPhoneNumberId, external_number: call.toNumber, type: 'twilio', call_sid: call.callSid },
    },
    analysis: call.status === 'done' ? { call_successful: 'success', transcript_summary: call.summary, evaluation_criteria_results: {}, data_collection_results: call.collected ?? {} } : null,
    conversation_initiation_client_data: { conversation_config_override: {}, custom_llm_extra_body: {}, dynamic_variables: call.dynamicVariables },
  };
}

/** Ends the call in its outcome and builds its webhook body; `now` in ms. */
export function endCall(call: SimCall, now: number): SimCall {
  const eventTimestamp = Math.floor(now / 1000);
  call.endedAt = new Date(now).toISOString();
  if (call.outcome === 'completed') {
    const talk = interview(call.dynamicVariables);
    Object.assign(call, { status: 'done', transcript: talk.transcript, durationSecs: talk.durationSecs, summary: talk.summary, collected: talk.data });
    const raw = JSON.stringify({ type: 'post_call_transcription', event_timestamp: eventTimestamp, data: conversationView(call) });
    call.webhook = { type: 'post_call_transcription', raw, eventTimestamp };
  } else {
    call.status = 'failed';
    const raw = JSON.stringify({
      type: 'call_initiation_failure',
      event_timestamp: eventTimestamp,
      data: {
        agent_id: call.agentId,
        conversation_id: call.conversationId,
        failure_reason: FAILURE_REASONS[call.outcome],
        metadata: { type: 'twilio', body: { CallSid: call.callSid, CallStatus: FAILURE_REASONS[call.outcome], To: call.toNumber } },
        conversation_initiation_client_data: { dynamic_variables: call.dynamicVariables },
      },
    });
    call.webhook = { type: 'call_initiation_failure', raw, eventTimestamp };
  }
  return call;
}
