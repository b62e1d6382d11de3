// What each external call of the pipeline costs. Providers bill in USD; the ledger keeps
// micro-USD (the bill) and INR paise at a fixed rate (what recruiters see). Integer maths,
// rounded half up, so a ledger sum is the sum of its rows.

/** USD per million tokens, input and output. Unknown models are priced like the default. */
const LLM_PRICES: Record<string, { inUsdPerM: number; outUsdPerM: number }> = {
  'gpt-4o-mini': { inUsdPerM: 0.15, outUsdPerM: 0.6 },
  'gpt-4o': { inUsdPerM: 2.5, outUsdPerM: 10 },
  'gpt-4.1-mini': { inUsdPerM: 0.4, outUsdPerM: 1.6 },
};
const DEFAULT_LLM_PRICE = LLM_PRICES['gpt-4o-mini']!;

/** Conversational voice AI, USD per call minute. */
export const VOICE_USD_PER_MINUTE = 0.1;
/** A WhatsApp utility template message in India, in USD. */
export const WHATSAPP_USD_PER_MESSAGE = 0.0014;
/** INR paise per USD for the paise column (not a live rate: a recruiter's estimate). */
export const DEFAULT_PAISE_PER_USD = 8_500;

export function llmCostMicroUsd(model: string, tokensIn: number, tokensOut: number): number {
  const p = LLM_PRICES[model] ?? DEFAULT_LLM_PRICE;
  return Math.round(tokensIn * p.inUsdPerM + tokensOut * p.outUsdPerM);
}

export function voiceCostMicroUsd(seconds: number): number {
  return Math.round((seconds / 60) * VOICE_USD_PER_MINUTE * 1_000_000);
}

export const whatsappCostMicroUsd = () => Math.round(WHATSAPP_USD_PER_MESSAGE * 1_000_000);

export function microUsdToPaise(microUsd: number, paisePerUsd = DEFAULT_PAISE_PER_USD): number {
  return Math.floor((microUsd * paisePerUsd + 500_000) / 1_000_000);
}
