// The Hono environment: the injected service deps plus what middleware puts on c.var.
import type { AuthContext, ServiceDeps } from '../services/deps.js';

export interface AppEnv {
  Variables: {
    deps: ServiceDeps;
    requestId: string;
    userId?: string;
    auth?: AuthContext;
    platform: string;
    /** True when the request named its platform (x-platform); tenant lists then filter by it. */
    platformExplicit: boolean;
  };
}
