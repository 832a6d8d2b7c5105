// `npm run bench [-- NAME...]`: runs the scenarios under bench/scenarios, prints one JSON line per
// figure, then a table.
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Figure, Scenario } from './figure';

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

const figures: Figure[] = [];
for (const name of wanted.length ? wanted : all) {
  const scenario = (await import(join(dir, `${name}.ts`))) as { default: Scenario };
  for (const figure of await scenario.default()) {
    figures.push(figure);
    console.log(JSON.stringify(figure));
  }
}
console.log('');
console.table(figures.map((f) => ({ scenario: f.scenario, metric: f.metric, value: f.value, unit: f.unit })));
