import { describe, expect, it } from 'vitest';
import { type RoundFigure, ratiosToBaseline, summarizeRounds } from '../../bench/summary';

const rate = (scenario: string, round: number, value: number): RoundFigure => ({
  scenario,
  metric: 'rate',
  value,
  unit: 'check-ins/s',
  round,
});

describe('bench rounds', () => {
  it('gives each metric its median, min and max over the rounds', () => {
    const rows = summarizeRounds([
      rate('checkin-way2', 1, 5000),
      rate('checkin-way2', 2, 9000),
      rate('checkin-way2', 3, 6000),
      { scenario: 'checkin-way2', metric: 'p99', value: 30, unit: 'ms', round: 1 },
      { scenario: 'checkin-way2', metric: 'p99', value: 40, unit: 'ms', round: 2 },
    ]);
    expect(rows).toEqual([
      {
        scenario: 'checkin-way2',
        metric: 'rate',
        rounds: 3,
        median: 6000,
        min: 5000,
        max: 9000,
        unit: 'check-ins/s',
      },
      { scenario: 'checkin-way2', metric: 'p99', rounds: 2, median: 35, min: 30, max: 40, unit: 'ms' },
    ]);
  });

  it('divides each way by the baseline of its own round', () => {
    const ratios = ratiosToBaseline([
      rate('checkin-baseline', 1, 10_000),
      rate('checkin-way1', 1, 8000),
      rate('checkin-baseline', 2, 5000),
      rate('checkin-way1', 2, 4500),
      rate('checkin-baseline', 3, 12_000),
      rate('checkin-way1', 3, 6000),
      rate('export-xlsx-200k', 1, 1),
    ]);
    // Against the rounds' median baseline (10,000) the second round would read 0.45, not 0.9.
    expect(ratios).toEqual([
      { ratio: 'checkin-way1 / checkin-baseline', rounds: 3, median: 0.8, min: 0.5, max: 0.9 },
    ]);
  });

  it('leaves out a round without a baseline', () => {
    expect(ratiosToBaseline([rate('checkin-way2', 1, 6000)])).toEqual([]);
  });
});
