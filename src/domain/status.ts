import type { HealthAnswers } from './health';

/**
 * The colour shown on a personal QR, from one rule (the COVID card of 2021: green/yellow/red from
 * vaccination and tests; F0 = confirmed case, F1 = close contact). Every colour comes with its reasons.
 */
export const statusColours = ['green', 'yellow', 'red'] as const;
export type StatusColour = (typeof statusColours)[number];

export type StatusReason =
  | 'f0' // confirmed case, still within isolation
  | 'positive_test' // a positive test in the last 14 days
  | 'f1' // close contact, within 14 days
  | 'symptoms' // symptoms in the latest health declaration (last 3 days)
  | 'not_vaccinated' // no complete vaccination and no recent negative test
  | 'vaccinated' // at least 2 doses, the last ≥ 14 days ago
  | 'recovered' // a positive test 14–180 days ago
  | 'negative_test'; // a negative test in the last 72 hours

export interface StatusInput {
  epiStatus: 'f0' | 'f1' | null;
  epiStatusSince: Date | null;
  /** The latest health declaration, with its time. */
  latest: {
    answers: Pick<HealthAnswers, 'symptoms' | 'vaccineDoses' | 'lastDoseDate' | 'latestTest'>;
    at: Date;
  } | null;
}

export interface Status {
  colour: StatusColour;
  reasons: StatusReason[];
}

const DAY = 86_400_000;
const ISOLATION_DAYS = 14;

const daysSince = (date: string | Date, now: Date) =>
  (now.getTime() - (typeof date === 'string' ? Date.parse(`${date}T00:00:00+07:00`) : date.getTime())) / DAY;

export function computeStatus(input: StatusInput, now: Date): Status {
  const red: StatusReason[] = [];
  const yellow: StatusReason[] = [];
  const green: StatusReason[] = [];
  const epiDays = input.epiStatusSince ? daysSince(input.epiStatusSince, now) : 0;
  if (input.epiStatus === 'f0' && epiDays < ISOLATION_DAYS) red.push('f0');
  if (input.epiStatus === 'f1' && epiDays < ISOLATION_DAYS) yellow.push('f1');

  const answers = input.latest?.answers;
  const test = answers?.latestTest;
  if (test?.result === 'positive') {
    const days = daysSince(test.date, now);
    if (days < ISOLATION_DAYS) red.push('positive_test');
    else if (days <= 180) green.push('recovered');
  }
  if (test?.result === 'negative' && daysSince(test.date, now) <= 3) green.push('negative_test');
  if (answers && input.latest && answers.symptoms.length > 0 && daysSince(input.latest.at, now) <= 3) {
    yellow.push('symptoms');
  }
  if (
    answers &&
    answers.vaccineDoses >= 2 &&
    answers.lastDoseDate &&
    daysSince(answers.lastDoseDate, now) >= 14
  ) {
    green.push('vaccinated');
  }
  if (green.length === 0) yellow.push('not_vaccinated');

  if (red.length) return { colour: 'red', reasons: red };
  if (yellow.length) return { colour: 'yellow', reasons: yellow };
  return { colour: 'green', reasons: green };
}
