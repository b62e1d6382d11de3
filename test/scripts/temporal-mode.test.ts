import { describe, expect, it } from 'vitest';
import { temporalModeFromEnv } from '../../scripts/lib/temporal-mode.js';

describe('TEMPORAL_MODE', () => {
  it('defaults to dev, or external when TEMPORAL_ADDRESS is set', () => {
    expect(temporalModeFromEnv({})).toBe('dev');
    expect(temporalModeFromEnv({ TEMPORAL_ADDRESS: 'temporal:7233' })).toBe('external');
    expect(temporalModeFromEnv({ TEMPORAL_MODE: 'cluster' })).toBe('cluster');
    expect(temporalModeFromEnv({ TEMPORAL_MODE: 'external', TEMPORAL_ADDRESS: 'temporal:7233' })).toBe('external');
  });

  it('refuses an unknown mode, external without an address, and an address the mode would ignore', () => {
    expect(() => temporalModeFromEnv({ TEMPORAL_MODE: 'prod' })).toThrow(/one of dev, cluster, external/);
    expect(() => temporalModeFromEnv({ TEMPORAL_MODE: 'external' })).toThrow(/needs TEMPORAL_ADDRESS/);
    expect(() => temporalModeFromEnv({ TEMPORAL_MODE: 'cluster', TEMPORAL_ADDRESS: 'x:7233' })).toThrow(/unset one of them/);
  });
});
