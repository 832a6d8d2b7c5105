import { z } from 'zod';

/** Symptoms asked about in 2021 (Sốt, Ho, Khó thở, Viêm phổi, Đau họng, Mệt mỏi). */
export const symptoms = ['fever', 'cough', 'breathless', 'pneumonia', 'sore_throat', 'tired'] as const;
export type Symptom = (typeof symptoms)[number];

export const testResults = ['negative', 'positive'] as const;

const isoDate = z.iso.date('date');

/** The health declaration (khai báo y tế): the last 14 days, vaccination, latest test, consent. */
export const healthAnswersSchema = z
  .object({
    travelled: z.boolean('required'),
    travelPlaces: z.string().trim().max(300, 'tooLong').default(''),
    symptoms: z.array(z.enum(symptoms)).max(symptoms.length),
    contactConfirmed: z.boolean('required'),
    contactFromAffectedArea: z.boolean('required'),
    contactWithSymptoms: z.boolean('required'),
    vaccineDoses: z.number().int('invalid').min(0, 'invalid').max(10, 'invalid'),
    lastDoseDate: isoDate.optional(),
    latestTest: z.object({ result: z.enum(testResults, 'required'), date: isoDate }).optional(),
    consent: z.literal(true, 'consent'),
  })
  .superRefine((a, ctx) => {
    if (a.travelled && !a.travelPlaces)
      ctx.addIssue({ code: 'custom', message: 'travelPlaces', path: ['travelPlaces'] });
    if (new Set(a.symptoms).size !== a.symptoms.length)
      ctx.addIssue({ code: 'custom', message: 'invalid', path: ['symptoms'] });
    const today = new Date().toISOString().slice(0, 10);
    if (a.lastDoseDate && a.lastDoseDate > today)
      ctx.addIssue({ code: 'custom', message: 'dateInFuture', path: ['lastDoseDate'] });
    if (a.latestTest && a.latestTest.date > today) {
      ctx.addIssue({ code: 'custom', message: 'dateInFuture', path: ['latestTest', 'date'] });
    }
    if (a.vaccineDoses === 0 && a.lastDoseDate)
      ctx.addIssue({ code: 'custom', message: 'invalid', path: ['lastDoseDate'] });
  });
export type HealthAnswers = z.infer<typeof healthAnswersSchema>;

export const hasSymptoms = (a: { symptoms: readonly string[] }) => a.symptoms.length > 0;

/** A declaration for one person at one moment. */
export const healthDeclarationInputSchema = z.object({ answers: healthAnswersSchema });

export const healthDeclarationViewSchema = z.object({
  id: z.string(),
  personId: z.string(),
  answers: z.custom<HealthAnswers>(),
  hasSymptoms: z.boolean(),
  createdAt: z.date(),
});
export type HealthDeclarationView = z.infer<typeof healthDeclarationViewSchema>;

/** The daily declaration while followed up: the symptoms, or "khỏe mạnh" (healthy). */
export const dailyDeclarationInputSchema = z
  .object({ healthy: z.boolean(), symptoms: z.array(z.enum(symptoms)).max(symptoms.length).default([]) })
  .refine((d) => d.healthy === (d.symptoms.length === 0), {
    message: 'healthyOrSymptoms',
    path: ['symptoms'],
  });
export type DailyDeclarationInput = z.infer<typeof dailyDeclarationInputSchema>;
