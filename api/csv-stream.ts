// A CSV download streamed from an async iterator of text chunks: pull-based (the next chunk is
// read only when the client took the previous one), logged and errored if the source fails
// mid-stream, and the source closed when the client goes away.
import type { Context } from 'hono';
import type { AppEnv } from './deps.js';

export function csvDownload(c: Context<AppEnv>, chunks: AsyncIterable<string>, filename: string, what: string): Response {
  const iterator = chunks[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  const { logger } = c.get('deps');
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await iterator.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (err) {
        logger.error({ err, requestId: c.get('requestId') }, `${what} failed mid-stream`);
        controller.error(new Error(`${what} failed`));
      }
    },
    async cancel() {
      await iterator.return?.(undefined);
    },
  });
  return c.body(body, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${filename}"`, 'cache-control': 'no-store' });
}
