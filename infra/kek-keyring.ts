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
  /** The settings' names in error messages (default LLM_KEYS_KEKS / LLM_KEYS_ACTIVE_KEK). */
  settingNames?: { keks: string; active: string };
  /** The development KEK when `keks` is absent (default: id "dev" from the LLM keys' phrase). */
  devKek?: { id: string; phrase: string };
}

/** Parses the KEK list; errors name the setting and the id, never a key. */
export function parseKeks(keks: string, activeKekId?: string, names: { keks: string; active: string } = { keks: 'LLM_KEYS_KEKS', active: 'LLM_KEYS_ACTIVE_KEK' }): { keys: Map<string, Buffer>; activeId: string } {
  const keys = new Map<string, Buffer>();
  for (const entry of keks.split(',').map((e) => e.trim()).filter(Boolean)) {
    const at = entry.indexOf(':');
    const id = at > 0 ? entry.slice(0, at) : '';
    if (!KEK_ID.test(id)) throw new Error(`${names.keks} must be "id:key,id:key" with ids of 1 to 64 of A-Z a-z 0-9 . _ -`);
    if (keys.has(id)) throw new Error(`${names.keks} lists the KEK id "${id}" twice`);
    keys.set(id, parseAesKey(entry.slice(at + 1), `${names.keks} entry "${id}"`));
  }
  if (keys.size === 0) throw new Error(`${names.keks} lists no KEK`);
  const activeId = activeKekId || [...keys.keys()].at(-1)!;
  if (!keys.has(activeId)) throw new Error(`${names.active} "${activeId}" is not one of the ids in ${names.keks}`);
  return { keys, activeId };
}

export function createKekKeyring(settings: KekSettings = {}): KekKeyring {
  const dev = settings.devKek ?? { id: DEV_LLM_KEYS_KEK_ID, phrase: DEV_LLM_KEYS_KEK_PHRASE };
  const { keys, activeId } = settings.keks
    ? parseKeks(settings.keks, settings.activeKekId, settings.settingNames)
    : { keys: new Map([[dev.id, devAesKey(dev.phrase)]]), activeId: dev.id };
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
