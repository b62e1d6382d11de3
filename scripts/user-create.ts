// `npm run user:create -- --email a@b.c --role SUPERADMIN [--name "A B"]`: a staff login for
// development (the seed's demo users have no password). Refused when NODE_ENV=production.
import { parseArgs } from 'node:util';
import { createPrisma } from '../infra/prisma.js';
import { withDevDatabase } from './lib/dev-database.js';
import { createOrUpdateUser, UserCreateArgs } from './lib/staff-user.js';
import { deployMigrations } from '../prisma/tools/migrate.js';

function fail(message: string): never {
  console.error(`[user:create] ${message}`);
  process.exit(1);
}

if (process.env.NODE_ENV === 'production') {
  fail('refused: NODE_ENV=production. This tool prints passwords and is for development only; in production, promote a user with PATCH /api/admin/users/{id} as a SUPERADMIN.');
}

let values: Record<string, string | boolean | undefined>;
try {
  ({ values } = parseArgs({ options: { email: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' } }, strict: true }));
} catch (err) {
  fail(`${(err as Error).message}\nusage: npm run user:create -- --email <email> --role <USER|EXPERT|ADMIN|SUPERADMIN|SALES> [--name <name>]`);
}
const parsed = UserCreateArgs.safeParse({ ...values, role: typeof values.role === 'string' ? values.role.toUpperCase() : values.role });
if (!parsed.success) fail(parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n'));

await withDevDatabase(async (url) => {
  await deployMigrations(url);
  const db = createPrisma(url, 2);
  try {
    const user = await createOrUpdateUser(db, parsed.data);
    console.log(`${user.created ? 'created' : 'updated'} ${parsed.data.email} (${user.role}), id ${user.id}`);
    console.log(`password: ${user.password}`);
  } finally {
    await db.$disconnect();
  }
});
