// Applying to a job over HTTP: the form is parsed and validated here; services/hire/apply.ts
// checks the file, the job and duplicates, stores the resume and starts the pipeline.
import type { RouteHandler } from '@hono/zod-openapi';
import { applyToJob } from '../../../services/hire/apply.js';
import { clientIp } from '../../client-ip.js';
import type { AppEnv } from '../../deps.js';
import type { applyToJobRoute } from './job-applications.routes.js';

export const applyToJobHandler: RouteHandler<typeof applyToJobRoute, AppEnv> = async (c) => {
  const form = c.req.valid('form');
  const applied = await applyToJob(c.get('deps'), {
    jobPostId: c.req.valid('param').id,
    platform: c.get('platform'),
    ip: clientIp(c) ?? 'unknown',
    name: form.name,
    email: form.email,
    phone: form.phone,
    whatsappConsent: form.whatsappConsent,
    coverNote: form.coverNote,
    resume: { fileName: form.resume.name, contentType: form.resume.type, bytes: new Uint8Array(await form.resume.arrayBuffer()) },
  });
  return c.json(applied, 201);
};
