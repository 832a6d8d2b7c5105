/** One measured figure. Metric names: rate (per second), p99 (ms), time (s), peak_rss (MB). */
export interface Figure {
  scenario: string;
  metric: 'rate' | 'p99' | 'time' | 'peak_rss';
  value: number;
  unit: string;
}

export type Scenario = () => Promise<Figure[]>;

export const round = (n: number, digits = 2) => Number(n.toFixed(digits));

/** Thrown by a scenario that cannot run here (PostgreSQL not configured, say): the others still run. */
export class ScenarioSkipped extends Error {}
