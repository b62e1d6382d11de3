// Latency statistics for benchmarks (milliseconds).
export function summarize(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const pick = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  const mean = s.reduce((a, b) => a + b, 0) / s.length;
  return { n: s.length, p50: pick(0.5), p95: pick(0.95), p99: pick(0.99), mean, min: s[0]!, max: s[s.length - 1]! };
}

export type Summary = ReturnType<typeof summarize>;

export const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

export function table(rows: [string, Summary][]): string {
  const head = '| case | n | p50 | p95 | p99 | mean |\n|---|---|---|---|---|---|';
  return [head, ...rows.map(([name, r]) => `| ${name} | ${r.n} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${fmt(r.p99)} | ${fmt(r.mean)} |`)].join('\n');
}
