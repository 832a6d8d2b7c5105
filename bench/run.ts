// `npm run bench [-- NAME...]`: runs the scenarios under bench/scenarios, prints one JSON line per
// figure, then a table.
import { generateKeyPairSync, sign } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { type Figure, type Scenario, ScenarioSkipped } from './figure';

const dir = join(import.meta.dirname, 'scenarios');
const all = readdirSync(dir)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => basename(f, '.ts'))
  .sort();
const wanted = process.argv.slice(2).filter((a) => a !== '--');
const unknown = wanted.filter((w) => !all.includes(w));
if (unknown.length) {
  console.error(`Unknown scenario(s): ${unknown.join(', ')}. Known: ${all.join(', ')}`);
  process.exit(2);
}

/** A quick measure of this machine's current speed, so runs from different hours can be compared. */
function machineCheck(): string {
  const sample = { id: 'b3f1c2d4', name: 'Nguyễn Văn An', year: 1990, reasons: ['vaccinated'] };
  let t = performance.now();
  for (let i = 0; i < 50_000; i++) JSON.parse(JSON.stringify(sample));
  const jsonUs = ((performance.now() - t) / 50_000) * 1000;
  const { privateKey } = generateKeyPairSync('ed25519');
  const data = Buffer.alloc(300, 1);
  t = performance.now();
  for (let i = 0; i < 2000; i++) sign(null, data, privateKey);
  const signUs = ((performance.now() - t) / 2000) * 1000;
  return `machine check: JSON round trip ${jsonUs.toFixed(2)} µs, Ed25519 sign ${signUs.toFixed(1)} µs`;
}

console.log(machineCheck());
const figures: Figure[] = [];
const skipped: string[] = [];
for (const name of wanted.length ? wanted : all) {
  const scenario = (await import(join(dir, `${name}.ts`))) as { default: Scenario };
  try {
    for (const figure of await scenario.default()) {
      figures.push(figure);
      console.log(JSON.stringify(figure));
    }
  } catch (err) {
    if (!(err instanceof ScenarioSkipped)) throw err;
    console.log(`${name}: skipped, ${err.message}`);
    skipped.push(name);
  }
}
if (figures.length) {
  console.log('');
  console.table(
    figures.map((f) => ({ scenario: f.scenario, metric: f.metric, value: f.value, unit: f.unit })),
  );
}
// Asked for by name and not run: that is a failure, not a figure.
if (skipped.some((name) => wanted.includes(name))) process.exit(1);
