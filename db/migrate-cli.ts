import { databaseConfigFromEnv, openDatabase } from './open';
import { migrateDatabase } from './migrate';

// `npm run db:migrate`: the same step the server runs at start-up.
async function main() {
  const config = databaseConfigFromEnv();
  const handle = openDatabase(config);
  try {
    const started = Date.now();
    await migrateDatabase(handle);
    console.log(`Migrated the ${handle.kind} database in ${Date.now() - started} ms.`);
  } finally {
    await handle.close();
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
