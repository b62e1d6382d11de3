// Temporal client factory. The connection is lazy so the api can boot (and report an
// unhealthy Temporal) while the server is still starting.
import { Client, Connection } from '@temporalio/client';

export function createTemporalClient(address: string, namespace: string): Client {
  const connection = Connection.lazy({ address });
  return new Client({ connection, namespace });
}
