// Demo data for `npm start` (empty database) and `npm run db:seed`. Idempotent: a second run
// changes nothing. The demo vendor API key is printed once, when it is created.
import { generateApiKey } from '../../infra/auth/api-keys.js';
import type { Db } from '../../infra/prisma.js';
import { DEMO, demoLearners, seedDemoWorld } from './demo-world.js';
import { seedReferenceData } from './reference-data.js';

export { DEMO };

const DEMO_VENDOR_KEY_NAME = 'Demo lead vendor';

export async function seed(db: Db, log: (line: string) => void = () => {}): Promise<{ vendorKey: string | null }> {
  const vendorKey = await db.$transaction(
    async (tx) => {
      await seedReferenceData(tx);
      await seedDemoWorld(tx);
      const existing = await tx.vendorApiKey.findFirst({ where: { name: DEMO_VENDOR_KEY_NAME } });
      if (existing) return null;
      const made = generateApiKey();
      await tx.vendorApiKey.create({
        data: { name: DEMO_VENDOR_KEY_NAME, vendorName: 'LeadGenCo', keyHash: made.hash, keyPrefix: made.prefix, scopes: ['leads:write'], createdById: DEMO.adminId, defaultSalesHeadId: DEMO.salesHeadId },
      });
      return made.key;
    },
    { timeout: 30_000 },
  );
  log('demo data: admin@mas.local, superadmin@mas.local, sales.head@mas.local, mentors riya/vikram, students arjun/sana');
  log(`demo batch MAS101 (${DEMO.batchId}) has Mr Learn simulator learners as students: ${demoLearners().map((l) => l.email).join(', ')}`);
  log(`demo CONFIRMED slot ready to end: ${DEMO.confirmedSlotId} (npm run meeting:end -- ${DEMO.confirmedSlotId})`);
  if (vendorKey) log(`demo vendor API key (shown once, only its hash is stored): ${vendorKey}`);
  return { vendorKey };
}

/** Seeds only an empty database (no users); returns whether it seeded. */
export async function seedIfEmpty(db: Db, log?: (line: string) => void): Promise<boolean> {
  if ((await db.user.count()) > 0) return false;
  await seed(db, log);
  return true;
}
