// There is no Docker engine on CI machines, so the compose file is checked by parsing it.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

interface Service {
  image?: string;
  build?: unknown;
  ports?: string[];
  environment?: Record<string, string>;
  command?: string[];
  depends_on?: Record<string, { condition: string }> | string[];
}
const compose = parse(readFileSync('docker-compose.yml', 'utf8')) as { services: Record<string, Service> };
const { services } = compose;

describe('docker-compose.yml', () => {
  it('has the production-like services', () => {
    expect(Object.keys(services)).toEqual(expect.arrayContaining(['postgres', 'temporal-postgres', 'temporal', 'temporal-ui', 'migrate', 'api', 'worker']));
  });

  it('pins every third-party image to a version', () => {
    for (const [name, svc] of Object.entries(services)) {
      expect(svc.image, name).toBeTruthy();
      expect(svc.image, name).toMatch(/:[\w.-]+$/);
      expect(svc.image, name).not.toMatch(/:latest$/);
    }
  });

  it('exposes the api, Temporal gRPC and the Web UI on their ports', () => {
    expect(services.api!.ports).toContain('3000:3000');
    expect(services.temporal!.ports).toContain('7233:7233');
    expect(services['temporal-ui']!.ports).toContain('8233:8080');
  });

  it('points the api and the worker at the database and Temporal', () => {
    for (const name of ['api', 'worker']) {
      const env = services[name]!.environment!;
      expect(env.DATABASE_URL).toMatch(/^postgresql:\/\/.+@postgres:5432\/mas$/);
      expect(env.TEMPORAL_ADDRESS).toBe('temporal:7233');
      // Production refuses dev defaults: every secret must come from the operator's env.
      for (const secret of ['MEETING_EVENTS_SECRET', 'JWT_PRIVATE_KEY', 'JWT_PUBLIC_KEY', 'RAZORPAY_KEY_ID', 'RAZORPAY_KEY_SECRET', 'RAZORPAY_WEBHOOK_SECRET', 'LEEGALITY_AUTH_TOKEN', 'LEEGALITY_PRIVATE_SALT', 'LEEGALITY_PROFILE_ID', 'LLM_KEYS_KEKS']) {
        expect(env[secret], secret).toMatch(new RegExp(`^\\$\\{${secret}:\\?`));
      }
      expect(env.RAZORPAY_MODE).toBe('live');
      expect(env.LEEGALITY_MODE).toBe('live');
      expect(env.NODE_ENV).toBe('production');
    }
    expect(services.api!.command).toEqual(['node', 'dist/api/server.js']);
    expect(services.worker!.command).toEqual(['node', 'dist/worker/main.js']);
  });

  it('migrates before the api and worker start', () => {
    for (const name of ['api', 'worker']) {
      expect((services[name]!.depends_on as Record<string, { condition: string }>).migrate).toEqual({ condition: 'service_completed_successfully' });
    }
  });

  it('gives Temporal its own PostgreSQL', () => {
    expect(services.temporal!.environment!.POSTGRES_SEEDS).toBe('temporal-postgres');
  });
});
