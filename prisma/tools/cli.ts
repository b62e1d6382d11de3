// npm run db:migrate | db:migration -- <name> | db:check
import { withDevDatabase, withScratchServer } from '../../scripts/lib/dev-database.js';
import { createMigration, deployMigrations, isEmptyMigration, pendingSchemaChanges } from './migrate.js';

const [command, name] = process.argv.slice(2);

async function main(): Promise<number> {
  switch (command) {
    case 'deploy': {
      const applied = await withDevDatabase(deployMigrations);
      console.log(applied.length ? `applied: ${applied.join(', ')}` : 'no pending migrations');
      return 0;
    }
    case 'new': {
      if (!name) {
        console.error('usage: npm run db:migration -- <snake_case_name>');
        return 2;
      }
      const file = await withScratchServer((url) => createMigration(url, name));
      console.log(file ? `wrote ${file}; review it before committing` : 'schema and migrations agree; nothing to write');
      return 0;
    }
    case 'check': {
      const sql = await withScratchServer(pendingSchemaChanges);
      if (isEmptyMigration(sql)) {
        console.log('db:check: schema and migrations agree (no drift)');
        return 0;
      }
      console.error('db:check: the Prisma schema and prisma/migrations differ. Run `npm run db:migration -- <name>`. Pending SQL:\n');
      console.error(sql);
      return 1;
    }
    default:
      console.error('usage: cli.ts deploy | new <name> | check');
      return 2;
  }
}

process.exitCode = await main();
