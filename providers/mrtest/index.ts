// Mr Test: like Mr Learn, the client is built per credentials row (services/sync/credentials.ts).
export * from './interface.js';
export { createMrTestClient, type MrTestClientOptions } from './client.js';
