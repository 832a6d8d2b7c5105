// Way 1: signed-in citizens post a scanned poster URL (signature verified, point looked up), the server
// finds the person, attaches their latest health answers, checks the 10-minute duplicate and inserts.
import { type Figure, round } from '../figure';
import { drive, startCheckInBench } from '../support/checkin-server';

export default async function checkinWay1(): Promise<Figure[]> {
  const bench = await startCheckInBench({ points: 200, citizens: 1000 });
  try {
    const { citizens, posterTokens } = bench;
    let k = 0;
    // Person k % P at point ⌊k / P⌋: every request is a new check-in, not a 10-minute duplicate.
    const next = () => {
      const c = citizens[k % citizens.length]!;
      const token = posterTokens[Math.floor(k / citizens.length) % posterTokens.length]!;
      k++;
      return {
        headers: { cookie: c.cookie, 'x-csrf-token': c.csrf },
        body: JSON.stringify({ code: `https://vaora.example/c/${token}`, personIds: [c.personId] }),
      };
    };
    await drive(bench, '/api/check-ins/self', next, 2);
    const r = await drive(bench, '/api/check-ins/self', next);
    return [
      { scenario: 'checkin-way1', metric: 'rate', value: round(r.rate, 0), unit: 'check-ins/s' },
      { scenario: 'checkin-way1', metric: 'p99', value: r.p99, unit: 'ms' },
    ];
  } finally {
    await bench.close();
  }
}
