// Runs `temporal server start-dev` (the CLI built by scripts/setup.mjs) and waits until it
// answers gRPC. Custom search attributes are registered at start.
import type { ChildProcess } from 'node:child_process';
import { ALL_SEARCH_ATTRIBUTES } from '../../workflows/search-attributes.js';
import { temporalCliPath } from '../setup.mjs';
import { spawnService, temporalAnswers } from './spawn-service.js';

export interface DevServerOptions {
  port: number;
  uiPort?: number;
  headless?: boolean;
  dbFilename?: string;
  namespace?: string;
  logLevel?: string;
  /** Own process group, so a Ctrl-C on the terminal does not reach it before its turn. */
  detached?: boolean;
  onOutput?: (chunk: string) => void;
}

export interface DevServer {
  address: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export async function startTemporalDevServer(opts: DevServerOptions): Promise<DevServer> {
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(opts.port), '--namespace', opts.namespace ?? 'default', '--log-level', opts.logLevel ?? 'error'];
  if (opts.headless) args.push('--headless');
  else if (opts.uiPort) args.push('--ui-port', String(opts.uiPort));
  if (opts.dbFilename) args.push('--db-filename', opts.dbFilename);
  for (const key of ALL_SEARCH_ATTRIBUTES) args.push('--search-attribute', `${key.name}=Keyword`);
  // Eager activity dispatch: the server hands a just-scheduled activity straight back to the
  // worker that completed the workflow task, skipping a matching round trip (~40 ms here).
  args.push('--dynamic-config-value', 'system.enableActivityEagerExecution=true');

  const address = `127.0.0.1:${opts.port}`;
  const service = await spawnService({
    name: 'temporal dev server',
    command: temporalCliPath(),
    args,
    ...(opts.detached !== undefined ? { detached: opts.detached } : {}),
    ...(opts.onOutput ? { onOutput: opts.onOutput } : {}),
    ready: temporalAnswers(address),
    readyAt: address,
    readyTimeoutMs: 60_000,
    stopGraceMs: 10_000,
  });
  return { address, ...service };
}
