// A keyring of key-encryption keys (KEKs) for secrets sealed at rest, so the KEK can rotate:
// rows remember the id of the KEK that sealed them, new seals use the active one, and a re-seal
// pass (services/ai/llm-keys-reseal.ts) moves old rows across. Configured as
// "id1:<64 hex or base64>,id2:…" plus the active id; without one, development uses a single KEK
// derived from a fixed phrase, which production refuses (infra/env.ts).
import { aesGcmOpen, aesGcmSeal, devAesKey, parseAesKey, type SealedParts } from './credentials-cipher.js';

export const DEV_LLM_KEYS_KEK_ID = 'dev';
export const DEV_LLM_KEYS_KEK_PHRASE = 'mas-dev-llm-keys-kek';
const KEK_ID = /^[A-Za-z0-9._-]{1,64}$/;

export interface KekKeyring {
  readonly activeId: string;
  readonly ids: readonly string[];
  has(id: string): boolean;
  /** Seals under the active KEK. */
  seal(plain: string, context: string): SealedParts & { keyId: string };
  /** Throws when `keyId` is not configured or the parts do not authenticate. */
  open(sealed: SealedParts, keyId: string, context: string): string;
}

export interface KekSettings {
  /** "id:key,id:key"; absent: the development KEK. */
  keks?: string;
  /** Default: the last KEK listed. */
  activeKekId?: string;
}

/** Parses the KEK list; errors name the setting and the id, never a key. */
export function parseKeks(keks: string, activeKekId?: string): { keys: Map<string, Buffer>; activeId: string } {
  const keys = new Map<string, Buffer>();
  for (const entry of keks.split(',').map((e) => e.trim()).filter(Boolean)) {
    const at = entry.indexOf(':');
    const id = at > 0 ? entry.slice(0, at) : '';
    if (!KEK_ID.test(id)) throw new Error('LLM_KEYS_KEKS must be "id:key,id:key" with ids of 1 to 64 of A-Z a-z 0-9 . _ -');
    if (keys.has(id)) throw new Error(`LLM_KEYS_KEKS lists the KEK id "${id}" twice`);
    keys.set(id, parseAesKey(entry.slice(at + 1), `LLM_KEYS_KEKS entry "${id}"`));
  }
  if (keys.size === 0) throw new Error('LLM_KEYS_KEKS lists no KEK');
  const activeId = activeKekId || [...keys.keys()].at(-1)!;
  if (!keys.has(activeId)) throw new Error(`LLM_KEYS_ACTIVE_KEK "${activeId}" is not one of the ids in LLM_KEYS_KEKS`);
  return { keys, activeId };
}

export function createKekKeyring(settings: KekSettings = {}): KekKeyring {
  const { keys, activeId } = settings.keks
    ? parseKeks(settings.keks, settings.activeKekId)
    : { keys: new Map([[DEV_LLM_KEYS_KEK_ID, devAesKey(DEV_LLM_KEYS_KEK_PHRASE)]]), activeId: DEV_LLM_KEYS_KEK_ID };
  const key = (id: string) => {
    const k = keys.get(id);
    if (!k) throw new Error(`KEK "${id}" is not configured`);
    return k;
  };
  return {
    activeId,
    ids: [...keys.keys()],
    has: (id) => keys.has(id),
    seal: (plain, context) => ({ ...aesGcmSeal(key(activeId), plain, context), keyId: activeId }),
    open: (sealed, keyId, context) => aesGcmOpen(key(keyId), sealed, context),
  };
}
