// The real nodemailer SMTP client against the local SMTP simulator: messages are delivered over
// SMTP, parsed back with mailparser, and readable through the simulator's /_sim/ control API;
// SMTP faults come back as typed, correctly classified errors.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createEmail, EmailError, type EmailProvider } from '../../providers/email/index.js';
import { startEmailSimulator, type CapturedEmail, type EmailSimulator } from '../../providers/email/simulator.js';

let sim: EmailSimulator;
let email: EmailProvider;
const FROM = 'MAS Test <no-reply@mas.test>';

beforeAll(async () => {
  sim = await startEmailSimulator();
  email = createEmail({ mode: 'sim', url: sim.smtpUrl, from: FROM, timeoutMs: 5_000 });
});
afterAll(() => sim.close());
beforeEach(() => sim.clear());

const control = async <T>(path: string, init?: RequestInit) => {
  const res = await fetch(`${sim.origin}${path}`, init);
  return { status: res.status, body: (res.status === 204 ? null : await res.json()) as T };
};

describe('email provider (SMTP client → simulator)', () => {
  it('delivers a text + html message with custom headers; the simulator parses it back', async () => {
    const sent = await email.send({
      to: 'riya@example.com',
      subject: 'Your session is booked ✓',
      text: 'Join: https://app.example/meeting-actions/abc',
      html: '<p>Join: <a href="https://app.example/meeting-actions/abc">here</a></p>',
      headers: { 'X-Mas-Email-Type': 'slot-booked' },
    });
    expect(sent.messageId).toMatch(/^<.+@.+>$/);

    const { status, body } = await control<{ items: CapturedEmail[] }>('/_sim/messages?to=riya@example.com');
    expect(status).toBe(200);
    expect(body.items).toHaveLength(1);
    const [msg] = body.items;
    expect(msg).toMatchObject({
      messageId: sent.messageId,
      envelope: { from: 'no-reply@mas.test', to: ['riya@example.com'] },
      to: ['riya@example.com'],
      subject: 'Your session is booked ✓',
      html: '<p>Join: <a href="https://app.example/meeting-actions/abc">here</a></p>',
    });
    expect(msg!.from).toContain('no-reply@mas.test');
    expect(msg!.text.trim()).toBe('Join: https://app.example/meeting-actions/abc');
    expect(msg!.headers['x-mas-email-type']).toBe('slot-booked');

    const one = await control<CapturedEmail>(`/_sim/messages/${msg!.id}`);
    expect(one.body.subject).toBe('Your session is booked ✓');
  });

  it('honours a per-message From and filters by recipient and subject', async () => {
    await email.send({ to: 'a@example.com', subject: 'first', text: '1', from: 'Mentors <mentors@mas.test>' });
    await email.send({ to: 'b@example.com', subject: 'second', text: '2' });
    expect(sim.messages({ to: 'A@example.com' }).map((m) => m.subject)).toEqual(['first']);
    expect(sim.messages({ to: 'a@example.com' })[0]!.envelope.from).toBe('mentors@mas.test');
    expect(sim.messages({ subject: 'sec' }).map((m) => m.to)).toEqual([['b@example.com']]);
    expect((await control<{ items: CapturedEmail[] }>('/_sim/messages')).body.items).toHaveLength(2);

    expect((await control('/_sim/messages', { method: 'DELETE' })).status).toBe(204);
    expect(sim.messages()).toEqual([]);
  });

  it('a 4xx from the server is a retryable EmailError; a 5xx is not; nothing is captured', async () => {
    const armed = await control<{ armed: number; code: number }>('/_sim/faults', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ count: 1, code: 451 }),
    });
    expect(armed.body).toEqual({ armed: 1, code: 451 });
    const transient = await email.send({ to: 'c@example.com', subject: 'x', text: 'x' }).catch((e: unknown) => e);
    expect(transient).toBeInstanceOf(EmailError);
    expect(transient).toMatchObject({ responseCode: 451, retryable: true });

    sim.failNext(1, 550);
    const permanent = await email.send({ to: 'c@example.com', subject: 'x', text: 'x' }).catch((e: unknown) => e);
    expect(permanent).toMatchObject({ name: 'EmailError', responseCode: 550, retryable: false });
    expect(sim.messages()).toEqual([]);

    // The fault is used up: the next send goes through.
    await email.send({ to: 'c@example.com', subject: 'after', text: 'x' });
    expect(sim.messages({ to: 'c@example.com' }).map((m) => m.subject)).toEqual(['after']);
  });

  it('an unreachable server is a retryable EmailError (no SMTP answer)', async () => {
    const down = createEmail({ mode: 'smtp', host: '127.0.0.1', port: 9, from: FROM, timeoutMs: 1_000 });
    const err = await down.send({ to: 'd@example.com', subject: 'x', text: 'x' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'EmailError', responseCode: null, retryable: true });
  });

  it('SMTP AUTH: the simulator can require credentials, and the client sends them from the url', async () => {
    const authSim = await startEmailSimulator({ auth: { user: 'mailer', pass: 's3cret' } });
    try {
      const good = createEmail({ mode: 'smtp', url: `smtp://mailer:s3cret@127.0.0.1:${authSim.smtpPort}`, from: FROM });
      await good.send({ to: 'e@example.com', subject: 'authed', text: 'x' });
      expect(authSim.messages().map((m) => m.subject)).toEqual(['authed']);
      const bad = createEmail({ mode: 'smtp', host: '127.0.0.1', port: authSim.smtpPort, user: 'mailer', pass: 'wrong', from: FROM });
      expect(await bad.send({ to: 'e@example.com', subject: 'x', text: 'x' }).catch((e: unknown) => e)).toMatchObject({ responseCode: 535, retryable: false });
    } finally {
      await authSim.close();
    }
  });

  it('the control API rejects a bad fault body and unknown routes', async () => {
    const bad = await control<{ error: string }>('/_sim/faults', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ count: 1, code: 200 }) });
    expect(bad.status).toBe(400);
    expect((await control('/_sim/nope')).status).toBe(404);
    expect((await control('/_sim/messages/sim_999999')).status).toBe(404);
  });
});
