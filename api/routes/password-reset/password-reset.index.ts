import { createRouter } from '../../openapi.js';
import { forgotPasswordHandler, resetPasswordHandler } from './password-reset.handlers.js';
import { forgotPasswordRoute, resetPasswordRoute } from './password-reset.routes.js';

export const passwordResetRouter = createRouter().openapi(forgotPasswordRoute, forgotPasswordHandler).openapi(resetPasswordRoute, resetPasswordHandler);
