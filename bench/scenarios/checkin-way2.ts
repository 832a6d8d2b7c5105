// Way 2: a staff session posts one scanned personal QR per request (signature verified, the person's
// latest health answers attached, the device's id and time kept; the row records who scanned, and no
// audit row is written).
import { type Figure, round } from '../figure';
import { drive, newId, startCheckInBench } from '../support/checkin-server';

/** More than a run scans (warm-up included) at twice the rates measured here. */
const SCAN_TOKENS = 150_000;

export default async function checkinWay2(): Promise<Figure[]> {
  const bench = await startCheckInBench({ points: 2, citizens: 1000, scanTokens: SCAN_TOKENS });
  try {
    const { scanTokens, staff, pointIds } = bench;
    let k = 0;
    const url = (i: number) => `/api/points/${pointIds[i % pointIds.length]}/scans`;
    const next = () => {
      // A token scanned again here would be a duplicate, not a check-in: the run stops instead.
      const token = scanTokens[k++];
      if (!token) throw new Error(`checkin-way2 scanned all ${SCAN_TOKENS} tokens: raise SCAN_TOKENS`);
      return {
        headers: { cookie: staff.cookie, 'x-csrf-token': staff.csrf },
        body: JSON.stringify({
          items: [
            {
              id: newId(),
              at: new Date().toISOString(),
              direction: 'in',
              input: { kind: 'vaora', token },
            },
          ],
        }),
      };
    };
    // All requests go to the first point: the path is fixed for a run.
    await drive(bench, url(0), next, 2);
    const r = await drive(bench, url(0), next);
    return [
      { scenario: 'checkin-way2', metric: 'rate', value: round(r.rate, 0), unit: 'check-ins/s' },
      { scenario: 'checkin-way2', metric: 'p99', value: r.p99, unit: 'ms' },
    ];
  } finally {
    await bench.close();
  }
}
