// `npm run bench [-- NAME...]`: runs the scenarios under bench/scenarios, prints one JSON line per
// figure, then a table. BENCH_ROUNDS=N runs them N times, interleaved, and the table gives medians.
import { generateKeyPairSync, sign } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { type Scenario, ScenarioSkipped } from './figure';
import { type RoundFigure, ratiosToBaseline, summarizeRounds } from './summary';

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

/**
 * This machine's speed drifts by half within minutes: one run of each scenario can land in different
 * phases. Rounds interleave the scenarios so that each round's ratios compare like with like.
 */
const rounds = Number(process.env.BENCH_ROUNDS ?? 1);
if (!Number.isInteger(rounds) || rounds < 1) {
  console.error(`BENCH_ROUNDS must be a whole number of at least 1, not ${process.env.BENCH_ROUNDS}`);
  process.exit(2);
}

const figures: RoundFigure[] = [];
const skipped = new Set<string>();
for (let round = 1; round <= rounds; round++) {
  if (rounds > 1) console.log(`\nround ${round} of ${rounds}`);
  console.log(machineCheck());
  for (const name of wanted.length ? wanted : all) {
    if (skipped.has(name)) continue;
    const scenario = (await import(join(dir, `${name}.ts`))) as { default: Scenario };
    try {
      for (const figure of await scenario.default()) {
        figures.push({ ...figure, round });
        console.log(JSON.stringify(rounds > 1 ? { ...figure, round } : figure));
      }
    } catch (err) {
      if (!(err instanceof ScenarioSkipped)) throw err;
      console.log(`${name}: skipped, ${err.message}`);
      skipped.add(name);
    }
  }
}
if (figures.length) {
  console.log('');
  const ratios = ratiosToBaseline(figures);
  if (rounds === 1) {
    console.table(
      figures.map((f) => ({ scenario: f.scenario, metric: f.metric, value: f.value, unit: f.unit })),
    );
    for (const r of ratios) console.log(`ratio ${r.ratio} = ${r.median.toFixed(2)}`);
  } else {
    console.table(summarizeRounds(figures));
    if (ratios.length) console.table(ratios);
  }
}
// Asked for by name and not run: that is a failure, not a figure.
if (wanted.some((name) => skipped.has(name))) process.exit(1);
