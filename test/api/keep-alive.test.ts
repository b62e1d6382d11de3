// A refused body must not break the kept-alive connection it came on: the server either reads
// (drains) what is left and keeps the socket, or says `Connection: close` up front.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ worker: false, config: { bodyLimitBytes: 1024 * 1024 } });
});
afterAll(async () => {
  await stack?.close();
});

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** One socket, requests written on it in turn; each answer is read by Content-Length. */
class RawConnection {
  private buf = Buffer.alloc(0);
  private waiters: (() => void)[] = [];
  closed = false;
  private readonly socket: net.Socket;
  constructor(port: number) {
    this.socket = net.connect(port, '127.0.0.1');
    this.socket.on('data', (b: Buffer) => {
      this.buf = Buffer.concat([this.buf, b]);
      this.wake();
    });
    this.socket.on('close', () => {
      this.closed = true;
      this.wake();
    });
    this.socket.on('error', () => {});
  }
  private wake() {
    for (const w of this.waiters.splice(0)) w();
  }
  write(data: string | Buffer) {
    this.socket.write(data);
  }
  async response(timeoutMs = 5_000): Promise<RawResponse> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const head = this.buf.indexOf('\r\n\r\n');
      if (head >= 0) {
        const [statusLine, ...lines] = this.buf.subarray(0, head).toString('latin1').split('\r\n');
        const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
        const length = Number(headers['content-length'] ?? 0);
        if (this.buf.length >= head + 4 + length) {
          const body = this.buf.subarray(head + 4, head + 4 + length).toString('utf8');
          this.buf = this.buf.subarray(head + 4 + length);
          return { status: Number(statusLine!.split(' ')[1]), headers, body };
        }
      }
      if (this.closed) throw new Error('connection closed before a full response');
      if (Date.now() > end) throw new Error('no response in time');
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }
  destroy() {
    this.socket.destroy();
  }
}

const port = () => Number(new URL(stack.apiUrl).port);
const health = 'GET /api/health HTTP/1.1\r\nHost: t\r\nConnection: keep-alive\r\n\r\n';

function bigPost(bytes: number, extra = '') {
  const body = Buffer.alloc(bytes, 'a');
  return Buffer.concat([
    Buffer.from(`POST /api/crm/leads HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nContent-Length: ${bytes}\r\nConnection: keep-alive\r\n${extra}\r\n`),
    body,
  ]);
}

describe('a refused body on a kept-alive connection', () => {
  it('answers a 300 KB body refused with 401, then serves the next request on the same socket', async () => {
    const conn = new RawConnection(port());
    try {
      conn.write(bigPost(300 * 1024));
      const first = await conn.response();
      expect(first.status).toBe(401);
      // Under the drain bound the socket stays open; wait past @hono/node-server's 500 ms drain timer.
      expect(first.headers.connection?.toLowerCase()).not.toBe('close');
      await new Promise((r) => setTimeout(r, 1_000));
      conn.write(health);
      const second = await conn.response();
      expect(second.status).toBe(200);
    } finally {
      conn.destroy();
    }
  });

  it('drains a body refused with 413 on its Content-Length and keeps the socket', async () => {
    const small = await startTestStack({ worker: false, config: { bodyLimitBytes: 64 * 1024 } });
    const conn = new RawConnection(Number(new URL(small.apiUrl).port));
    try {
      conn.write(bigPost(300 * 1024));
      const first = await conn.response();
      expect(first.status).toBe(413);
      expect(first.headers.connection?.toLowerCase()).not.toBe('close');
      await new Promise((r) => setTimeout(r, 1_000));
      conn.write(health);
      expect((await conn.response()).status).toBe(200);
    } finally {
      conn.destroy();
      await small.close();
    }
  });

  it('announces Connection: close past the drain bound, and the client reconnects', async () => {
    const tight = await startTestStack({ worker: false, config: { bodyLimitBytes: 1024 * 1024, bodyDrain: { maxBytes: 16 * 1024, timeoutMs: 2_000 } } });
    const conn = new RawConnection(Number(new URL(tight.apiUrl).port));
    try {
      conn.write(bigPost(300 * 1024));
      const first = await conn.response();
      expect(first.status).toBe(401);
      expect(first.headers.connection?.toLowerCase()).toBe('close');
      const again = new RawConnection(Number(new URL(tight.apiUrl).port));
      again.write(health);
      expect((await again.response()).status).toBe(200);
      again.destroy();
    } finally {
      conn.destroy();
      await tight.close();
    }
  });

  it('keeps the socket when a slow client sends the refused body in pieces within the drain window', async () => {
    const conn = new RawConnection(port());
    try {
      const whole = bigPost(200 * 1024);
      conn.write(whole.subarray(0, 1024));
      const first = conn.response();
      for (let i = 1024; i < whole.length; i += 32 * 1024) {
        await new Promise((r) => setTimeout(r, 100));
        conn.write(whole.subarray(i, i + 32 * 1024));
      }
      expect((await first).status).toBe(401);
      conn.write(health);
      expect((await conn.response()).status).toBe(200);
    } finally {
      conn.destroy();
    }
  });
});
