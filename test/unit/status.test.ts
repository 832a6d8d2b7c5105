import { describe, expect, it } from 'vitest';
import { computeStatus, type StatusInput } from '../../src/domain/status';

// Noon in Viet Nam, so "N days ago" as a date is N whole days before.
const NOW = new Date('2021-10-15T05:00:00Z');
const DAY = 86_400_000;

/** The Viet Nam calendar day `days` before NOW. */
const dayAgo = (days: number) =>
  new Date(NOW.getTime() + 7 * 3_600_000 - days * DAY).toISOString().slice(0, 10);
const at = (days: number) => new Date(NOW.getTime() - days * DAY);

type Answers = NonNullable<StatusInput['latest']>['answers'];

function statusOf(opts: {
  epi?: 'f0' | 'f1';
  epiDaysAgo?: number;
  answers?: Partial<Answers>;
  declaredDaysAgo?: number;
}) {
  const answers: Answers = { symptoms: [], vaccineDoses: 0, ...opts.answers };
  return computeStatus(
    {
      epiStatus: opts.epi ?? null,
      epiStatusSince: opts.epi ? at(opts.epiDaysAgo ?? 0) : null,
      latest: opts.answers ? { answers, at: at(opts.declaredDaysAgo ?? 0) } : null,
    },
    NOW,
  );
}

const vaccinated = { vaccineDoses: 2, lastDoseDate: dayAgo(30) };

describe('status colour: each reason', () => {
  it('is yellow "not_vaccinated" for someone who declared nothing', () => {
    expect(statusOf({})).toEqual({ colour: 'yellow', reasons: ['not_vaccinated'] });
    expect(statusOf({ answers: {} })).toEqual({ colour: 'yellow', reasons: ['not_vaccinated'] });
  });

  it('is red for a confirmed case (F0) within 14 days, and only then', () => {
    expect(statusOf({ epi: 'f0', epiDaysAgo: 13 })).toEqual({ colour: 'red', reasons: ['f0'] });
    expect(statusOf({ epi: 'f0', epiDaysAgo: 15 })).toEqual({
      colour: 'yellow',
      reasons: ['not_vaccinated'],
    });
  });

  it('is yellow for a close contact (F1) within 14 days, and only then', () => {
    expect(statusOf({ epi: 'f1', epiDaysAgo: 2, answers: vaccinated })).toEqual({
      colour: 'yellow',
      reasons: ['f1'],
    });
    expect(statusOf({ epi: 'f1', epiDaysAgo: 15, answers: vaccinated })).toEqual({
      colour: 'green',
      reasons: ['vaccinated'],
    });
  });

  it('is red after a positive test within 14 days; green "recovered" 14–180 days after', () => {
    const positive = (days: number) => ({ latestTest: { result: 'positive' as const, date: dayAgo(days) } });
    expect(statusOf({ answers: positive(3) })).toEqual({ colour: 'red', reasons: ['positive_test'] });
    expect(statusOf({ answers: positive(20) })).toEqual({ colour: 'green', reasons: ['recovered'] });
    expect(statusOf({ answers: positive(200) })).toEqual({ colour: 'yellow', reasons: ['not_vaccinated'] });
  });

  it('is green after a negative test within 72 hours, not later', () => {
    const negative = (days: number) => ({ latestTest: { result: 'negative' as const, date: dayAgo(days) } });
    expect(statusOf({ answers: negative(2) })).toEqual({ colour: 'green', reasons: ['negative_test'] });
    expect(statusOf({ answers: negative(5) })).toEqual({ colour: 'yellow', reasons: ['not_vaccinated'] });
  });

  it('is green when vaccinated: two doses, the last at least 14 days ago', () => {
    expect(statusOf({ answers: vaccinated })).toEqual({ colour: 'green', reasons: ['vaccinated'] });
    expect(statusOf({ answers: { vaccineDoses: 2, lastDoseDate: dayAgo(10) } }).reasons).toEqual([
      'not_vaccinated',
    ]);
    expect(statusOf({ answers: { vaccineDoses: 1, lastDoseDate: dayAgo(60) } }).reasons).toEqual([
      'not_vaccinated',
    ]);
  });

  it('is yellow "symptoms" when the latest declaration (within 3 days) has symptoms', () => {
    const sick = { ...vaccinated, symptoms: ['fever' as const] };
    expect(statusOf({ answers: sick, declaredDaysAgo: 1 })).toEqual({
      colour: 'yellow',
      reasons: ['symptoms'],
    });
    expect(statusOf({ answers: sick, declaredDaysAgo: 4 })).toEqual({
      colour: 'green',
      reasons: ['vaccinated'],
    });
  });
});

describe('status colour: precedence red > yellow > green', () => {
  it('red wins over yellow and green, and shows only the red reasons', () => {
    const status = statusOf({
      epi: 'f0',
      epiDaysAgo: 1,
      answers: { ...vaccinated, symptoms: ['cough'], latestTest: { result: 'positive', date: dayAgo(1) } },
    });
    expect(status).toEqual({ colour: 'red', reasons: ['f0', 'positive_test'] });
  });

  it('yellow wins over green', () => {
    const status = statusOf({
      epi: 'f1',
      epiDaysAgo: 1,
      answers: { ...vaccinated, symptoms: ['tired'], latestTest: { result: 'negative', date: dayAgo(1) } },
    });
    expect(status).toEqual({ colour: 'yellow', reasons: ['f1', 'symptoms'] });
  });

  it('green collects every green reason', () => {
    const status = statusOf({
      answers: { ...vaccinated, latestTest: { result: 'negative', date: dayAgo(0) } },
    });
    expect(status).toEqual({ colour: 'green', reasons: ['negative_test', 'vaccinated'] });
  });
});
