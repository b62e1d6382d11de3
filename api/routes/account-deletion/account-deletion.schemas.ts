// Request and response shapes of account deletion and its cancels.
import { z } from '@hono/zod-openapi';
import { accountDeletionLifecycle } from '../../../domain/account-deletion/status.js';
import { PASSWORD_MAX } from '../../../domain/auth/password-policy.js';
import { EmailedToken } from '../password-reset/password-reset.schemas.js';

export const DeletionRequestBody = z
  .object({ password: z.string().min(1).max(PASSWORD_MAX).openapi({ format: 'password', description: 'The current password, to confirm' }) })
  .strict()
  .openapi('AccountDeletionRequest');

export const CancelByTokenBody = z.object({ token: EmailedToken }).strict().openapi('AccountDeletionCancelRequest');

export const Deletion = z
  .object({
    deletionId: z.uuid(),
    status: z.enum(accountDeletionLifecycle.states),
    purgeAfter: z.string().openapi({ description: 'When the grace period ends and the account is anonymised' }),
    workflowId: z.string(),
  })
  .openapi('AccountDeletion');
