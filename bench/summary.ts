import type { Figure } from './figure';

/** A figure of one round: `BENCH_ROUNDS=N` runs the scenarios N times, interleaved. */
export interface RoundFigure extends Figure {
  round: number;
}

const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

const spread = (values: number[]) => ({
  median: Number(median(values).toFixed(2)),
  min: Math.min(...values),
  max: Math.max(...values),
});

/** Each scenario's metric over the rounds: median, min and max. */
export function summarizeRounds(figures: RoundFigure[]) {
  const groups = new Map<string, RoundFigure[]>();
  for (const f of figures) {
    const key = `${f.scenario}\u0000${f.metric}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  return [...groups.values()].map((g) => ({
    scenario: g[0]!.scenario,
    metric: g[0]!.metric,
    rounds: g.length,
    ...spread(g.map((f) => f.value)),
    unit: g[0]!.unit,
  }));
}

/**
 * Each check-in way's rate over the baseline's of the same round, so that a drift of the machine's
 * speed between rounds cancels out; then their median, min and max.
 */
export function ratiosToBaseline(figures: RoundFigure[], baseline = 'checkin-baseline') {
  const rate = (scenario: string, round: number) =>
    figures.find((f) => f.scenario === scenario && f.metric === 'rate' && f.round === round)?.value;
  const ways = [...new Set(figures.filter((f) => f.metric === 'rate').map((f) => f.scenario))].filter(
    (s) => s.startsWith('checkin-') && s !== baseline,
  );
  return ways.flatMap((way) => {
    const ratios = figures
      .filter((f) => f.scenario === way && f.metric === 'rate')
      .flatMap((f) => {
        const base = rate(baseline, f.round);
        return base ? [Number((f.value / base).toFixed(2))] : [];
      });
    return ratios.length ? [{ ratio: `${way} / ${baseline}`, rounds: ratios.length, ...spread(ratios) }] : [];
  });
}
