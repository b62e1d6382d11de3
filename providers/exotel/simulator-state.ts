// The simulator's in-memory Exotel: calls acted out through their statuses (which only move
// forward), call figures that fill in some time after the end (as Exotel's do), a log of the
// StatusCallbacks each call produced (bodies fixed when they happened), and sent SMS.
import { randomBytes } from 'node:crypto';
import {
  formatExotelTime,
  isFinalCallStatus,
  MAX_CUSTOM_FIELD_LENGTH,
  MAX_SMS_BODY_LENGTH,
  MAX_TIME_LIMIT_SECONDS,
  type ExotelCallbackEvent,
  type ExotelCallStatus,
} from './interface.js';

/** An answer the simulator gives in Exotel's error envelope. */
export class ExotelSimError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
  get body() {
    return { RestException: { Status: this.status, Message: this.message } };
  }
}

export const simError = (status: number, message: string, headers?: Record<string, string>) => new ExotelSimError(status, message, headers);

export type EndOutcome = 'completed' | 'failed' | 'busy' | 'no-answer' | 'canceled';

export interface EndOptions {
  /** Whole call, ringing included. Default talkSeconds + 8 (completed) or 25 (not answered). */
  durationSeconds?: number;
  /** Both legs connected (completed only). Default 30. */
  talkSeconds?: number;
  /** How long after the end GET …?details=true shows the figures. Default: the simulator's. */
  figuresDelayMs?: number;
}

export interface StoredCallback {
  id: string;
  callSid: string;
  event: ExotelCallbackEvent;
  url: string;
  /** The JSON body, fixed when the event happened, so a redelivery sends the same bytes. */
  raw: string;
}

interface Figures {
  duration: number;
  conversationDuration: number;
  price: number;
  recordingUrl: string | null;
  leg1Duration: number;
  leg2Duration: number;
}

export interface SimCall {
  sid: string;
  accountSid: string;
  from: string;
  to: string;
  callerId: string;
  statusCallback: string | null;
  statusCallbackEvents: string[];
  customField: string | null;
  record: boolean;
  timeLimit: number | null;
  status: ExotelCallStatus;
  leg1Status: string | null;
  leg2Status: string | null;
  createdAt: Date;
  updatedAt: Date;
  answeredAt: Date | null;
  endedAt: Date | null;
  figures: Figures | null;
  /** Epoch ms from which GET details shows the figures. */
  figuresReadyAt: number | null;
}

export interface SimSms {
  sid: string;
  from: string;
  to: string;
  body: string;
  dltEntityId: string | null;
  dltTemplateId: string | null;
  customField: string | null;
  statusCallback: string | null;
  status: 'queued';
  createdAt: Date;
}

export const newSid = () => randomBytes(16).toString('hex');

function param(form: URLSearchParams, name: string): string | null {
  const v = form.get(name);
  return v === null || v.trim() === '' ? null : v.trim();
}

function required(form: URLSearchParams, name: string): string {
  const v = param(form, name);
  if (v === null) throw simError(400, `Missing parameter ${name}`);
  return v;
}

const PHONE = /^\+?\d{8,15}$/;
const phoneish = (name: string, v: string) => {
  if (!PHONE.test(v.replace(/[\s-]/g, ''))) throw simError(400, `${name} is not a valid phone number`);
  return v;
};

export class ExotelSimState {
  private readonly calls = new Map<string, SimCall>();
  private readonly callbacks: StoredCallback[] = [];
  private readonly messages: SimSms[] = [];

  constructor(
    private readonly opts: {
      accountSid: string;
      /** Origin for recording URLs. */
      origin: () => string;
      figuresDelayMs: number;
      requireDlt: boolean;
      onCallback: (cb: StoredCallback) => void;
    },
  ) {}

  connect(form: URLSearchParams): SimCall {
    const from = phoneish('From', required(form, 'From'));
    const to = phoneish('To', required(form, 'To'));
    const callerId = required(form, 'CallerId');
    const customField = param(form, 'CustomField');
    if (customField && customField.length > MAX_CUSTOM_FIELD_LENGTH) throw simError(400, `CustomField cannot be longer than ${MAX_CUSTOM_FIELD_LENGTH} characters`);
    const timeLimitRaw = param(form, 'TimeLimit');
    const timeLimit = timeLimitRaw === null ? null : Number(timeLimitRaw);
    if (timeLimit !== null && !(Number.isInteger(timeLimit) && timeLimit > 0 && timeLimit <= MAX_TIME_LIMIT_SECONDS)) throw simError(400, `TimeLimit must be between 1 and ${MAX_TIME_LIMIT_SECONDS}`);
    const statusCallback = param(form, 'StatusCallback');
    if (statusCallback && !/^https?:\/\//.test(statusCallback)) throw simError(400, 'StatusCallback must be an http(s) URL');
    const events = [...form.entries()].filter(([k]) => /^StatusCallbackEvents\[\d+\]$/.test(k)).map(([, v]) => v);
    const now = new Date();
    const call: SimCall = {
      sid: newSid(),
      accountSid: this.opts.accountSid,
      from,
      to,
      callerId,
      statusCallback,
      statusCallbackEvents: events,
      customField,
      record: param(form, 'Record') === 'true',
      timeLimit,
      status: 'in-progress',
      leg1Status: 'in-progress',
      leg2Status: null,
      createdAt: now,
      updatedAt: now,
      answeredAt: null,
      endedAt: null,
      figures: null,
      figuresReadyAt: null,
    };
    this.calls.set(call.sid, call);
    return call;
  }

  get(sid: string): SimCall {
    const call = this.calls.get(sid);
    if (!call) throw simError(404, `Call ${sid} not found`);
    return call;
  }

  list(filter: { from?: string; to?: string } = {}): SimCall[] {
    return [...this.calls.values()].filter((c) => (!filter.from || c.from === filter.from) && (!filter.to || c.to === filter.to));
  }

  /** The customer picks up; the `answered` callback is logged. */
  answer(sid: string): SimCall {
    const call = this.get(sid);
    if (isFinalCallStatus(call.status)) throw simError(409, `Call ${sid} already ended (${call.status})`);
    if (call.answeredAt) return call;
    call.answeredAt = new Date();
    call.updatedAt = call.answeredAt;
    call.leg1Status = 'in-progress';
    call.leg2Status = 'in-progress';
    this.logCallback(call, 'answered');
    return call;
  }

  /** The call ends with `outcome`; a completed call is answered first if it was not. */
  end(sid: string, outcome: EndOutcome, o: EndOptions = {}): SimCall {
    const call = this.get(sid);
    if (isFinalCallStatus(call.status)) throw simError(409, `Call ${sid} already ended (${call.status})`);
    if (outcome === 'completed') this.answer(sid);
    const talk = outcome === 'completed' ? (o.talkSeconds ?? 30) : 0;
    const duration = o.durationSeconds ?? (outcome === 'completed' ? talk + 8 : 25);
    const now = new Date();
    call.status = outcome;
    call.endedAt = now;
    call.updatedAt = now;
    call.leg1Status = outcome === 'failed' || outcome === 'canceled' ? outcome : 'completed';
    call.leg2Status = outcome === 'completed' ? 'completed' : outcome;
    call.figures = {
      duration,
      conversationDuration: talk,
      // Exotel bills per started minute of the call; not answered calls cost nothing here.
      price: outcome === 'completed' ? Math.ceil(duration / 60) * 0.6 : 0,
      recordingUrl: call.record && outcome === 'completed' ? `${this.opts.origin()}/_sim/recordings/${call.sid}.mp3` : null,
      leg1Duration: duration,
      leg2Duration: talk,
    };
    call.figuresReadyAt = now.getTime() + (o.figuresDelayMs ?? this.opts.figuresDelayMs);
    this.logCallback(call, 'terminal');
    return call;
  }

  callbacksOf(sid: string): StoredCallback[] {
    return this.callbacks.filter((c) => c.callSid === sid);
  }

  sendSms(form: URLSearchParams): SimSms {
    const body = required(form, 'Body');
    if (body.length > MAX_SMS_BODY_LENGTH) throw simError(400, `Body cannot be longer than ${MAX_SMS_BODY_LENGTH} characters`);
    const dltEntityId = param(form, 'DltEntityId');
    const dltTemplateId = param(form, 'DltTemplateId');
    if (this.opts.requireDlt && !(dltEntityId && dltTemplateId)) throw simError(400, 'DltEntityId and DltTemplateId are mandatory for SMS to Indian numbers');
    const sms: SimSms = {
      sid: newSid(),
      from: required(form, 'From'),
      to: phoneish('To', required(form, 'To')),
      body,
      dltEntityId,
      dltTemplateId,
      customField: param(form, 'CustomField'),
      statusCallback: param(form, 'StatusCallback'),
      status: 'queued',
      createdAt: new Date(),
    };
    this.messages.push(sms);
    return sms;
  }

  sms(): SimSms[] {
    return [...this.messages];
  }

  /** The `Call` object as Exotel shows it: figures only once they have filled in. */
  callView(call: SimCall, withDetails: boolean, now = Date.now()) {
    const ready = call.figures !== null && call.figuresReadyAt !== null && now >= call.figuresReadyAt;
    const f = ready ? call.figures : null;
    const view: Record<string, unknown> = {
      Sid: call.sid,
      ParentCallSid: null,
      DateCreated: formatExotelTime(call.createdAt),
      DateUpdated: formatExotelTime(call.updatedAt),
      AccountSid: call.accountSid,
      To: call.to,
      From: call.from,
      PhoneNumberSid: call.callerId,
      Status: call.status,
      StartTime: formatExotelTime(call.createdAt),
      EndTime: call.endedAt ? formatExotelTime(call.endedAt) : null,
      Duration: f ? String(f.duration) : null,
      Price: f ? f.price.toFixed(2) : null,
      Direction: 'outbound-api',
      AnsweredBy: null,
      ForwardedFrom: null,
      CallerName: null,
      Uri: `/v1/Accounts/${call.accountSid}/Calls/${call.sid}.json`,
      RecordingUrl: f?.recordingUrl ?? null,
      CustomField: call.customField,
    };
    if (withDetails) {
      view.Details = {
        ConversationDuration: f ? f.conversationDuration : null,
        Leg1Status: call.leg1Status,
        Leg2Status: call.leg2Status,
        Legs: [
          { Leg: { Id: 1, OnCallDuration: f ? f.leg1Duration : null, Status: call.leg1Status } },
          { Leg: { Id: 2, OnCallDuration: f ? f.leg2Duration : null, Status: call.leg2Status } },
        ],
      };
    }
    return view;
  }

  private logCallback(call: SimCall, event: ExotelCallbackEvent) {
    if (!call.statusCallback) return;
    if (call.statusCallbackEvents.length > 0 && !call.statusCallbackEvents.includes(event)) return;
    const f = call.figures;
    const body = {
      CallSid: call.sid,
      EventType: event,
      Status: call.status,
      From: call.from,
      To: call.to,
      Direction: 'outbound-api',
      DateUpdated: formatExotelTime(call.updatedAt),
      StartTime: formatExotelTime(call.createdAt),
      EndTime: event === 'terminal' && call.endedAt ? formatExotelTime(call.endedAt) : null,
      ConversationDuration: event === 'terminal' && f ? f.conversationDuration : 0,
      RecordingUrl: event === 'terminal' ? (f?.recordingUrl ?? null) : null,
      CustomField: call.customField,
      Legs: [
        { OnCallDuration: event === 'terminal' && f ? f.leg1Duration : 0, Status: call.leg1Status },
        { OnCallDuration: event === 'terminal' && f ? f.leg2Duration : 0, Status: call.leg2Status },
      ],
    };
    const stored: StoredCallback = { id: newSid(), callSid: call.sid, event, url: call.statusCallback, raw: JSON.stringify(body) };
    this.callbacks.push(stored);
    this.opts.onCallback(stored);
  }
}
