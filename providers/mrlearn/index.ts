// Mr Learn: the client is built per credentials row (services/sync/credentials.ts), since the
// base URL, client id and secret live in mrlearn.auth_credentials, not in the environment.
export * from './interface.js';
export { createMrLearnClient, type MrLearnClientOptions } from './client.js';
