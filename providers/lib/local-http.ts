// Small pieces every provider client and simulator shares: binding a local listener, reading a
// vendor's 2xx JSON against its schema, and describing what a schema refused.
import type { AddressInfo, Server } from 'node:net';
import type { z } from 'zod';

/** Listens on host:port (0 = a free port) and resolves with the bound port and origin. */
export async function listenLocal(server: Server, port: number, host: string): Promise<{ port: number; origin: string }> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const bound = (server.address() as AddressInfo).port;
  return { port: bound, origin: `http://${host.includes(':') ? `[${host}]` : host}:${bound}` };
}

/**
 * A 2xx body checked against the vendor schema; `invalid` builds the client's typed error for
 * a body that is not JSON or not the documented shape.
 */
export function parseVendorJson<S extends z.ZodType>(
  schema: S,
  text: string,
  what: string,
  invalid: (message: string, cause: unknown) => Error,
): z.infer<S> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw invalid(`${what} with a body that is not JSON`, err);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw invalid(`${what} with an unexpected body: ${describeIssues(parsed.error)}`, parsed.error);
  }
  return parsed.data;
}

/** Every problem of a body, "path: message; …", for errors and malformed-webhook details. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
}
