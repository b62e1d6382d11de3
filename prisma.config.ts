// Prisma CLI configuration: the schema is a folder of one file per bounded context.
// Migrations do not go through the Prisma CLI (it needs a native engine that cannot be
// downloaded here); see prisma/tools/ for the offline migrate tool.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema',
  migrations: { path: 'prisma/migrations' },
});
