import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from './config';
import type { DemoAccount } from './services/demo.service';

const fileOf = (config: Config) => join(config.DATA_DIR, 'demo-accounts.json');

/** Keeps the demo sign-in details beside the data, readable by the machine's owner only. */
export function writeDemoAccounts(config: Config, accounts: DemoAccount[]) {
  mkdirSync(config.DATA_DIR, { recursive: true });
  writeFileSync(fileOf(config), `${JSON.stringify(accounts, null, 2)}\n`, { mode: 0o600 });
}

export function readDemoAccounts(config: Config): DemoAccount[] | null {
  const file = fileOf(config);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as DemoAccount[]) : null;
}
