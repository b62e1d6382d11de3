// npm run db:seed: demo data into the dev database (idempotent).
import { createPrisma } from '../infra/prisma.js';
import { withDevDatabase } from '../scripts/lib/dev-database.js';
import { deployMigrations } from './tools/migrate.js';
import { seed } from './seed/index.js';

await withDevDatabase(async (url) => {
  await deployMigrations(url);
  const db = createPrisma(url, 2);
  try {
    await seed(db, (line) => console.log(line));
  } finally {
    await db.$disconnect();
  }
});
