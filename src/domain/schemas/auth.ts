import { z } from 'zod';
import { roles } from '../access';
import { phoneSchema } from '../phone';

/** Shared by the routes, the web forms and the OpenAPI document. Messages are keys of `validation`. */
export const otpRequestSchema = z.object({ phone: phoneSchema });
export type OtpRequest = z.infer<typeof otpRequestSchema>;

export const otpCodeSchema = z.string().regex(/^\d{6}$/, 'otp');

export const otpVerifySchema = z.object({ phone: phoneSchema, code: otpCodeSchema });
export type OtpVerify = z.infer<typeof otpVerifySchema>;

export const passwordSchema = z.string().min(10, 'password').max(200, 'tooLong');

export const passwordSignInSchema = z.object({
  login: z.string().trim().min(3, 'phoneOrEmail').max(200, 'tooLong'),
  password: z.string().min(1, 'required').max(200, 'tooLong'),
});
export type PasswordSignIn = z.infer<typeof passwordSignInSchema>;

export const emailSchema = z.string().trim().toLowerCase().email('email').max(200, 'tooLong');

export const displayNameSchema = z
  .string()
  .transform((s) => s.normalize('NFC').replace(/\s+/g, ' ').trim())
  .pipe(z.string().min(2, 'tooShort').max(120, 'tooLong'));

export const unitCodeSchema = z.string().regex(/^\d{2,5}$/, 'unitCode');

export const invitationSchema = z
  .object({
    displayName: displayNameSchema,
    phone: phoneSchema.optional(),
    email: emailSchema.optional(),
    role: z.enum(roles),
    /** A province or commune code; none means the whole country (point roles: their points). */
    unitCode: unitCodeSchema.optional(),
  })
  .refine((v) => v.phone !== undefined || v.email !== undefined, {
    message: 'phoneOrEmail',
    path: ['phone'],
  });
export type Invitation = z.infer<typeof invitationSchema>;

export const acceptInvitationSchema = z.object({
  token: z.string().min(20).max(100),
  password: passwordSchema,
  displayName: displayNameSchema.optional(),
});
export type AcceptInvitation = z.infer<typeof acceptInvitationSchema>;

export const purposeSchema = z.string().trim().min(5, 'purpose').max(300, 'tooLong');

const scopeSchema = z.discriminatedUnion('level', [
  z.object({ level: z.literal('country') }),
  z.object({ level: z.literal('province'), provinceCode: z.string() }),
  z.object({ level: z.literal('commune'), provinceCode: z.string(), communeCode: z.string() }),
  z.object({ level: z.literal('points') }),
]);

/** What the web needs to know about the signed-in person. */
export const meSchema = z.object({
  userId: z.string(),
  displayName: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  isCitizen: z.boolean(),
  grants: z.array(z.object({ role: z.enum(roles), scope: scopeSchema, unitName: z.string().nullable() })),
  pointIds: z.array(z.string()),
});
export type Me = z.infer<typeof meSchema>;

export const sessionSchema = z.object({ me: meSchema.nullable(), csrfToken: z.string() });
export type SessionInfo = z.infer<typeof sessionSchema>;
