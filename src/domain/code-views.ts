import { z } from 'zod';
import { statusReasons } from './code-check';
import { symptoms } from './health';
import { statusColours } from './status';

/** What a citizen's phone receives for the personal QR screen and the printed card. */

export const statusSchema = z.object({
  colour: z.enum(statusColours),
  reasons: z.array(z.enum(statusReasons)),
});

/** One token of a batch: unix seconds; the phone shows the one `pickCurrentToken` picks. */
export const batchTokenSchema = z.object({
  token: z.string(),
  nbf: z.number().int(),
  exp: z.number().int(),
});

export const personalCodeBatchSchema = z.object({
  tokens: z.array(batchTokenSchema),
  status: statusSchema,
  latestHealth: z.object({ symptoms: z.array(z.enum(symptoms)), at: z.date() }).nullable(),
});
export type PersonalCodeBatch = z.infer<typeof personalCodeBatchSchema>;

export const cardViewSchema = z.object({
  id: z.string(),
  issuedAt: z.date(),
  expiresAt: z.date(),
});
export type CardView = z.infer<typeof cardViewSchema>;

export const issuedCardSchema = z.object({ card: cardViewSchema, token: z.string() });

/** The person's live card, or nulls when there is none (never issued, revoked or expired). */
export const liveCardSchema = z.object({
  card: cardViewSchema.nullable(),
  token: z.string().nullable(),
});
