import { z } from 'zod';
import { phoneSchema } from './phone';
import { displayNameSchema } from './schemas/auth';
import { foldText } from './text';
import { communeCodeSchema, provinceCodeSchema } from './units';

export const genders = ['male', 'female', 'other'] as const;
export type Gender = (typeof genders)[number];

const thisYear = () => new Date().getFullYear();

/** CCCD (12 digits), CMND (9 digits) or a passport number (a letter and 7–8 digits). */
export const idNumberSchema = z
  .string()
  .transform((s) => s.replace(/\s/g, '').toUpperCase())
  .pipe(z.string().regex(/^(\d{12}|\d{9}|[A-Z]\d{7,8})$/, 'idNumber'));

/** BHYT card: 2 letters and 13 digits (15 characters), or the 10-digit social-insurance number. */
export const insuranceNumberSchema = z
  .string()
  .transform((s) => s.replace(/\s/g, '').toUpperCase())
  .pipe(z.string().regex(/^([A-Z]{2}\d{13}|\d{10})$/, 'insuranceNumber'));

export const isoDateSchema = z.iso.date('date');

export const addressSchema = z.object({
  provinceCode: provinceCodeSchema,
  communeCode: communeCodeSchema,
  /** House number, street, hamlet (thôn/ấp/tổ). */
  detail: z.string().trim().max(200, 'tooLong').default(''),
});
export type Address = z.infer<typeof addressSchema>;

/** A person's profile as a form sends it. Birth: a full date, or just the year (older people often know only that). */
export const personInputSchema = z
  .object({
    fullName: displayNameSchema,
    birthDate: isoDateSchema.optional(),
    birthYear: z.number().int('birthYear').min(1900, 'birthYear').max(2100, 'birthYear').optional(),
    gender: z.enum(genders, 'gender'),
    phone: phoneSchema.optional(),
    idNumber: idNumberSchema.optional(),
    insuranceNumber: insuranceNumberSchema.optional(),
    nationality: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, 'nationality')
      .default('VN'),
    address: addressSchema.optional(),
    /** For a dependant: how they relate to the account holder ("Con", "Mẹ"…). */
    relation: z.string().trim().max(40, 'tooLong').optional(),
  })
  .superRefine((p, ctx) => {
    const year = p.birthDate ? Number(p.birthDate.slice(0, 4)) : p.birthYear;
    if (year === undefined) ctx.addIssue({ code: 'custom', message: 'birthYear', path: ['birthYear'] });
    else if (year > thisYear() || (p.birthDate && new Date(p.birthDate) > new Date())) {
      ctx.addIssue({
        code: 'custom',
        message: 'birthInFuture',
        path: [p.birthDate ? 'birthDate' : 'birthYear'],
      });
    } else if (p.birthDate && p.birthYear !== undefined && p.birthYear !== year) {
      ctx.addIssue({ code: 'custom', message: 'birthYear', path: ['birthYear'] });
    }
  })
  .transform((p) => ({
    ...p,
    birthYear: p.birthDate ? Number(p.birthDate.slice(0, 4)) : (p.birthYear as number),
  }));
export type PersonInput = z.infer<typeof personInputSchema>;

/** A person as the API returns it. `idNumber` is present only where the account reads one of its own persons (profile, one person). */
export const personViewSchema = z.object({
  id: z.string(),
  isSelf: z.boolean(),
  relation: z.string().nullable(),
  fullName: z.string(),
  birthDate: z.string().nullable(),
  birthYear: z.number(),
  gender: z.enum(genders),
  phone: z.string().nullable(),
  idNumberMasked: z.string().nullable(),
  idNumber: z.string().nullable().optional(),
  insuranceNumber: z.string().nullable(),
  nationality: z.string(),
  address: z
    .object({
      provinceCode: z.string(),
      communeCode: z.string(),
      detail: z.string(),
      /** "Số 5 Lê Lợi, Phường Đồng Xoài, Tỉnh Đồng Nai" */
      text: z.string(),
    })
    .nullable(),
});
export type PersonView = z.infer<typeof personViewSchema>;

/** As the 2021 national QR did: the first 6 characters hidden ("******789012"). */
export function maskIdNumber(idNumber: string): string {
  return idNumber.length <= 6 ? '*'.repeat(idNumber.length) : `${'*'.repeat(6)}${idNumber.slice(6)}`;
}

/** The form of a name used to match people: "Nguyễn Văn An" → "nguyen van an". */
export const foldName = foldText;

export function ageOn(birthYear: number, at: Date): number {
  return at.getFullYear() - birthYear;
}
