// Google connection: connect (the consent URL), the OAuth callback's query, and the status view.
import { z } from '@hono/zod-openapi';

export const ConnectAnswer = z
  .object({
    authorizeUrl: z.string().openapi({ description: "Google's consent page: send the browser there; it comes back to the callback" }),
    expiresAt: z.string().openapi({ description: 'The connect request is good until then (10 minutes)' }),
  })
  .openapi('GoogleConnectStart');

export const CallbackQuery = z.object({
  state: z.string().min(1).max(256).openapi({ param: { name: 'state', in: 'query' }, description: 'The state the connect request issued' }),
  code: z.string().min(1).max(2048).optional().openapi({ param: { name: 'code', in: 'query' }, description: "Google's authorization code" }),
  error: z.string().min(1).max(128).optional().openapi({ param: { name: 'error', in: 'query' }, description: "Google's refusal (access_denied when the user cancels)" }),
  scope: z.string().max(2048).optional().openapi({ param: { name: 'scope', in: 'query' }, description: 'The scopes granted (ignored: the token answer is what counts)' }),
});

export const CallbackAnswer = z.object({ connected: z.literal(true), scope: z.string() }).openapi('GoogleConnected');

export const ConnectionView = z
  .object({
    connected: z.boolean(),
    scope: z.string().nullable(),
    calendarId: z.string().nullable(),
    broken: z.boolean().openapi({ description: 'Google refused our refresh token (access revoked): connect again; bookings make no events meanwhile' }),
    brokenAt: z.string().nullable(),
    brokenReason: z.string().nullable(),
    connectedAt: z.string().nullable(),
    updatedAt: z.string().nullable(),
  })
  .openapi('GoogleConnection');

export const DisconnectAnswer = z.object({ disconnected: z.boolean().openapi({ description: 'false: there was no connection' }) }).openapi('GoogleDisconnected');
