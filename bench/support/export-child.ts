// Runs in its own process so its peak memory is the export's: streams a point's check-ins to .xlsx.
import { createWriteStream } from 'node:fs';
import { openPostgres } from '../../src/server/db/client';
import { createCheckInsRepository } from '../../src/server/repositories/check-ins.repository';
import { createCheckInExportService } from '../../src/server/services/check-in-export.service';

const [url, pointId, file] = process.argv.slice(2) as [string, string, string];
const handle = openPostgres(url, 2);
const service = createCheckInExportService({
  checkIns: createCheckInsRepository(handle.db),
  list: { requirePoint: async () => Promise.reject(new Error('unused')) },
  audit: { record: async () => {} },
});
const started = performance.now();
const out = createWriteStream(file);
const done = new Promise<void>((r) => out.once('close', () => r()));
const rows = await service.writeXlsx({ pointId }, out);
await done;
const seconds = (performance.now() - started) / 1000;
await handle.close();
console.log(JSON.stringify({ rows, seconds, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
