// npm run meeting:end -- <slotId> [apiBaseUrl]: sends a signed meeting-ended event, as the
// meeting server would. Uses MEETING_EVENTS_SECRET (the dev default when unset).
import { createHmac } from 'node:crypto';
import { formatSignature, MEETING_SIGNATURE_HEADER } from '../domain/meeting/signature.js';

const [slotId, base = `http://localhost:${process.env.PORT ?? 3000}`] = process.argv.slice(2);
if (!slotId) {
  console.error('usage: npm run meeting:end -- <slotId> [apiBaseUrl]');
  process.exit(2);
}
const secret = process.env.MEETING_EVENTS_SECRET ?? 'dev-meeting-events-secret-change-me';
const body = JSON.stringify({ endedAt: new Date().toISOString() });
const res = await fetch(`${base}/api/internal/meetings/${slotId}/ended`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', [MEETING_SIGNATURE_HEADER]: formatSignature(createHmac('sha256', secret).update(body).digest('hex')) },
  body,
});
console.log(res.status, await res.text());
