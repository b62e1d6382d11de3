// A workflow that does nothing: the baseline for start→complete latency in bench/.
export async function noop(): Promise<void> {}
