// Starting and stopping a simulator's listener: bound to host:port (0 = a free port), its
// sockets tracked so close() ends keep-alive and half-done connections at once instead of
// waiting for clients to hang up. close() may be called more than once.
import { createServer, type RequestListener, type Server } from 'node:http';
import type { Server as NetServer, Socket } from 'node:net';
import { listenLocal } from './local-http.js';

export interface SimServer {
  server: Server;
  port: number;
  /** http://host:port */
  origin: string;
  close(): Promise<void>;
}

export const DEFAULT_SIM_HOST = '127.0.0.1';

/**
 * A close function for `server` that destroys every socket still open. `stop` is how the
 * server itself is stopped (default server.close); a wrapper such as SMTPServer passes its own.
 */
export function quickCloser(server: NetServer, stop: (done: (err?: Error) => void) => void = (done) => server.close(done)): () => Promise<void> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  let closing: Promise<void> | null = null;
  return () =>
    (closing ??= new Promise<void>((resolve, reject) => {
      stop((err) => (err && (err as NodeJS.ErrnoException).code !== 'ERR_SERVER_NOT_RUNNING' ? reject(err) : resolve()));
      for (const socket of sockets) socket.destroy();
    }));
}

export async function startSimServer(handler: RequestListener, opts: { port?: number; host?: string } = {}): Promise<SimServer> {
  const server = createServer(handler);
  const close = quickCloser(server);
  const { port, origin } = await listenLocal(server, opts.port ?? 0, opts.host ?? DEFAULT_SIM_HOST);
  return { server, port, origin, close };
}
