// Checks a user's key against an OpenAI-compatible API before it is stored: GET {baseUrl}/models
// with the key as Bearer token (OpenAI, Groq, Mistral, OpenRouter and the simulator all answer
// it). The outcome says why a key failed; it never carries the key or the vendor's message,
// which for OpenAI echoes part of the key.

export type LlmKeyCheck =
  | { ok: true; models: number }
  | { ok: false; reason: 'rejected' | 'unreachable' | 'timeout' | 'unexpected'; status: number | null };

/** A model list is a few KB; a bigger answer is not an OpenAI-compatible one. */
const MAX_BODY_BYTES = 1024 * 1024;

async function readCapped(res: Response, max: number): Promise<string> {
  const reader = res.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw new Error('answer too large');
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function checkLlmKey(opts: { baseUrl: string; apiKey: string; timeoutMs: number; fetch?: typeof fetch }): Promise<LlmKeyCheck> {
  const url = `${opts.baseUrl.replace(/\/+$/, '')}/models`;
  let res: Response;
  try {
    res = await (opts.fetch ?? fetch)(url, {
      method: 'GET',
      headers: { authorization: `Bearer ${opts.apiKey}`, accept: 'application/json' },
      // A redirect could carry the key to another host: refuse it.
      redirect: 'error',
      signal: AbortSignal.timeout(opts.timeoutMs),
    });
  } catch (err) {
    const timedOut = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
    return { ok: false, reason: timedOut ? 'timeout' : 'unreachable', status: null };
  }
  if (res.status === 401 || res.status === 403) {
    await res.body?.cancel();
    return { ok: false, reason: 'rejected', status: res.status };
  }
  if (res.status !== 200) {
    await res.body?.cancel();
    return { ok: false, reason: 'unexpected', status: res.status };
  }
  try {
    const body = JSON.parse(await readCapped(res, MAX_BODY_BYTES)) as { data?: unknown };
    if (!Array.isArray(body.data)) return { ok: false, reason: 'unexpected', status: 200 };
    return { ok: true, models: body.data.length };
  } catch {
    return { ok: false, reason: 'unexpected', status: 200 };
  }
}
