// What activities may touch. The worker passes real dependencies; tests pass the same
// kinds of objects against the test database and provider simulators.
import type { Db } from '../infra/prisma.js';
import type { Logger } from '../infra/logger.js';
import type { RazorpayProvider } from '../providers/razorpay/interface.js';

export interface ActivityDeps {
  db: Db;
  logger: Logger;
  now: () => Date;
  razorpay: RazorpayProvider;
}
