// `npm run demo`: creates the demo province's points and one account of each role, then prints them.
import { loadConfig } from './config';
import { createServices } from './container';
import { openDatabase } from './db/client';
import { migrate } from './db/migrate';
import { readDemoAccounts, writeDemoAccounts } from './demo-accounts';
import { createLogger } from './logger';
import { loadSecret } from './secret';

const config = loadConfig();
const log = createLogger({ ...config, LOG_LEVEL: 'warn' });
const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
await migrate(database);
const services = createServices({ config, database, secret: loadSecret(config).secret, log });
await services.units.init();
const demo = await services.demo.seed(config.DEMO_PASSWORD);
if (demo.created) writeDemoAccounts(config, demo.accounts);
const accounts = readDemoAccounts(config) ?? demo.accounts;
console.log(demo.created ? 'Demo data created.' : 'Demo data was already there.');
for (const a of accounts)
  console.log(`  ${a.label.padEnd(48)} ${a.login.padEnd(22)} ${a.password ?? '(one-time code)'}`);
await database.close();
