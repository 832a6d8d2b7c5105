import { z } from 'zod';
import { symptoms } from './health';
import { movementStates, vehicles } from './movement';
import { genders } from './person';

/** What the API returns about domestic movement declarations; the web reads the same schemas. */

export const movementStatuses = [...movementStates, 'expired'] as const;

export const placeViewSchema = z.object({
  provinceCode: z.string(),
  communeCode: z.string(),
  address: z.string(),
  /** "12 Lê Lợi, Phường Sài Gòn, Thành phố Hồ Chí Minh" */
  text: z.string(),
});
export type PlaceView = z.infer<typeof placeViewSchema>;

/** A companion as lists show them: no phone number. */
export const companionViewSchema = z.object({
  fullName: z.string(),
  birthYear: z.number(),
  gender: z.enum(genders),
  hasSymptoms: z.boolean(),
});

export const movementViewSchema = z.object({
  id: z.string(),
  personId: z.string(),
  personName: z.string(),
  personBirthYear: z.number(),
  vehicle: z.enum(vehicles),
  /** Plates as painted ("51A-123.45"); flight, train and ship numbers compact ("VN123"). */
  vehicleNumber: z.string().nullable(),
  seat: z.string().nullable(),
  departureAt: z.date(),
  origin: placeViewSchema,
  destination: placeViewSchema,
  purpose: z.string(),
  /** The declarant's own answers had symptoms; each companion carries theirs. */
  hasSymptoms: z.boolean(),
  companions: z.array(companionViewSchema),
  status: z.enum(movementStatuses),
  validUntil: z.date(),
  createdAt: z.date(),
});
export type MovementView = z.infer<typeof movementViewSchema>;

/** A declaration with the token of its QR; null once the QR can no longer be used at a checkpoint. */
export const movementWithTokenSchema = z.object({
  movement: movementViewSchema,
  token: z.string().nullable(),
});

export const movementListSchema = z.object({ movements: z.array(movementViewSchema) });

export const dailyDeclarationViewSchema = z.object({
  /** The day in Asia/Ho_Chi_Minh, YYYY-MM-DD. */
  day: z.string(),
  healthy: z.boolean(),
  symptoms: z.array(z.enum(symptoms)),
  createdAt: z.date(),
});
export type DailyDeclarationView = z.infer<typeof dailyDeclarationViewSchema>;

export const dailyDeclarationListSchema = z.object({
  declarations: z.array(dailyDeclarationViewSchema),
});
