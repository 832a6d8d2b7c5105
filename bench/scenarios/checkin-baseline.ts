// The ceiling to compare recording with: a bare route (only with BENCH_ROUTES=1) that validates a small
// body and inserts the same kind of row through the same batcher; no session, no code, no lookups.
import { type Figure, round } from '../figure';
import { drive, startCheckInBench } from '../support/checkin-server';

export default async function checkinBaseline(): Promise<Figure[]> {
  const bench = await startCheckInBench({ points: 10, citizens: 10 });
  try {
    let k = 0;
    const next = () => ({
      headers: { cookie: 'vaora_csrf=bench', 'x-csrf-token': 'bench' },
      body: JSON.stringify({
        pointId: bench.pointIds[k++ % bench.pointIds.length],
        provinceCode: bench.provinceCode,
        fullName: 'Nguyễn Văn An',
      }),
    });
    await drive(bench, '/api/bench/check-in-baseline', next, 2); // warm-up
    const r = await drive(bench, '/api/bench/check-in-baseline', next);
    return [
      { scenario: 'checkin-baseline', metric: 'rate', value: round(r.rate, 0), unit: 'check-ins/s' },
      { scenario: 'checkin-baseline', metric: 'p99', value: r.p99, unit: 'ms' },
    ];
  } finally {
    await bench.close();
  }
}
