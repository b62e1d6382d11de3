import { createRouter } from '../../openapi.js';
import { loginHandler, logoutHandler, meHandler, passwordHandler, refreshHandler, signupHandler } from './auth.handlers.js';
import { loginRoute, logoutRoute, meRoute, passwordRoute, refreshRoute, signupRoute } from './auth.routes.js';

export const authRouter = createRouter()
  .openapi(signupRoute, signupHandler)
  .openapi(loginRoute, loginHandler)
  .openapi(refreshRoute, refreshHandler)
  .openapi(logoutRoute, logoutHandler)
  .openapi(passwordRoute, passwordHandler)
  .openapi(meRoute, meHandler);
