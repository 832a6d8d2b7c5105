import { z } from 'zod';
import { statusReasons } from './code-check';
import { errorStatus } from './errors';
import { pointKinds } from './points';
import { statusColours } from './status';

/** How a check-in was recorded (the `method` column). */
export const checkInMethods = [
  'self_scan',
  'staff_scan',
  'id_card',
  'hand_entry',
  'legacy_code',
  'national_qr',
] as const;
export type CheckInMethod = (typeof checkInMethods)[number];

export const directions = ['in', 'out'] as const;
export type Direction = (typeof directions)[number];

/** The same person at the same point, same direction, within this window is one check-in. */
export const SELF_DEDUPE_MS = 10 * 60_000;
/** The offline queue may hold records this long; older ones are refused (and later purged anyway). */
export const SCAN_MAX_AGE_MS = 7 * 86_400_000;
/** Device clocks drift; a scan further in the future than this is refused. */
export const SCAN_MAX_FUTURE_MS = 10 * 60_000;
export const SCAN_BATCH_MAX = 200;
/** A scan that reached the server this long after it was made was queued offline: the list says so. */
export const LATE_SYNC_MS = 2 * 60_000;

/** Whether a check-in reached the server late (an offline scanner's queue), for the point's list. */
export function isLateSync(at: Date, receivedAt: Date): boolean {
  return receivedAt.getTime() - at.getTime() > LATE_SYNC_MS;
}

const codeText = z.string().trim().min(1, 'required').max(4000);

export const resolveCodeRequestSchema = z.object({ code: codeText });

export const resolvedPointSchema = z.object({
  point: z.object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(pointKinds),
    address: z.string(),
    communeName: z.string().nullable(),
    provinceName: z.string().nullable(),
  }),
  via: z.enum(['poster', 'legacy']),
});
export type ResolvedPoint = z.infer<typeof resolvedPointSchema>;

export const selfCheckInRequestSchema = z.object({
  code: codeText,
  personIds: z
    .array(z.uuid())
    .min(1)
    .max(10)
    .refine((ids) => new Set(ids).size === ids.length, 'invalid'),
  direction: z.enum(directions).default('in'),
});
export type SelfCheckInRequest = z.infer<typeof selfCheckInRequestSchema>;

export const selfCheckInReplySchema = z.object({
  point: resolvedPointSchema.shape.point,
  checkIns: z.array(z.object({ personId: z.string(), id: z.string(), at: z.date(), duplicate: z.boolean() })),
});
export type SelfCheckInReply = z.infer<typeof selfCheckInReplySchema>;

const genderSchema = z.enum(['male', 'female', 'other']);

export const scanInputSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('vaora'), token: codeText }),
  z.object({ kind: z.literal('national'), text: z.string().min(1).max(1000) }),
  z.object({ kind: z.literal('cccd'), text: z.string().min(1).max(1000) }),
  z.object({
    kind: z.literal('hand'),
    fullName: z.string().trim().min(1, 'required').max(100, 'tooLong'),
    phone: z.string().trim().max(20).optional(),
    idNumber: z
      .string()
      .trim()
      .regex(/^[0-9A-Za-z]{6,20}$/, 'invalid')
      .optional(),
    birthYear: z.number().int().min(1900).max(2100),
    gender: genderSchema.optional(),
  }),
  z.object({ kind: z.literal('legacy'), code: codeText }),
]);
export type ScanInput = z.infer<typeof scanInputSchema>;

export const scanItemSchema = z.object({
  /** Made on the device: the check-in's id, so a resend is recognised. */
  id: z.uuid(),
  /** When the device scanned: the check-in's time. */
  at: z.iso.datetime({ offset: true }),
  direction: z.enum(directions),
  input: scanInputSchema,
});
export type ScanItem = z.infer<typeof scanItemSchema>;

/**
 * A batch's envelope. Each item is checked against `scanItemSchema` on its own, so one bad item (a
 * hostile value, a queue of an older app) is refused alone and the others are recorded; only an item
 * without an id the device could match its answer to refuses the whole batch.
 */
export const scanBatchRequestSchema = z.object({
  items: z
    .array(
      z
        .looseObject({ id: z.string().min(1).max(64) })
        .meta({ description: 'A scan item (ScanItem); checked one by one' }),
    )
    .min(1)
    .max(SCAN_BATCH_MAX),
});

export const scanPersonSchema = z.object({
  name: z.string(),
  birthYear: z.number().nullable(),
  colour: z.enum(statusColours).optional(),
  reasons: z.array(z.enum(statusReasons)).optional(),
});

const errorCodes = Object.keys(errorStatus) as [keyof typeof errorStatus, ...(keyof typeof errorStatus)[]];

export const scanResultSchema = z.object({
  id: z.string(),
  status: z.enum(['stored', 'duplicate', 'rejected']),
  code: z.enum(errorCodes).optional(),
  message: z.string().optional(),
  /** For an item refused by its shape: which fields, each with its message. */
  fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  person: scanPersonSchema.optional(),
});
export type ScanResult = z.infer<typeof scanResultSchema>;

export const scanBatchReplySchema = z.object({ results: z.array(scanResultSchema) });

const isoDateTime = z.iso.datetime({ offset: true });

export const checkInListQuerySchema = z.object({
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
  method: z.enum(checkInMethods).optional(),
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type CheckInListQuery = z.infer<typeof checkInListQuerySchema>;

export const checkInRowSchema = z.object({
  id: z.string(),
  at: z.date(),
  fullName: z.string().nullable(),
  birthYear: z.number().nullable(),
  gender: z.string().nullable(),
  /** Masked unless the caller owns the point. */
  phone: z.string().nullable(),
  idNumberMasked: z.string().nullable(),
  address: z.string().nullable(),
  method: z.enum(checkInMethods),
  direction: z.enum(directions),
  health: z.record(z.string(), z.unknown()).nullable(),
  /** When the record reached the server; later than `at` by more than LATE_SYNC_MS: synced late. */
  receivedAt: z.date(),
});
export type CheckInRow = z.infer<typeof checkInRowSchema>;

export const checkInListReplySchema = z.object({
  rows: z.array(checkInRowSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export const checkInSummaryQuerySchema = z.object({ date: z.iso.date().optional() });
export const checkInSummaryReplySchema = z.object({
  date: z.string(),
  today: z.number(),
  perHour: z.array(z.number()).length(24),
});

export const checkInExportQuerySchema = z.object({
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
  purpose: z.string().trim().min(5, 'required').max(300, 'tooLong'),
});
export type CheckInExportQuery = z.infer<typeof checkInExportQuerySchema>;

/** Cells a spreadsheet would run as a formula (CSV/formula injection). */
export function isFormulaLike(value: string): boolean {
  return /^[=+\-@\t\r]/.test(value);
}
