import { z } from 'zod';
import { compactVehicleNumber, formatPlate, isValidVehicleNumber } from './movement';
import { phoneSchema } from './phone';
import { normalizeName } from './text';
import { communeCodeSchema, provinceCodeSchema } from './units';

/** Kinds of check-in point, as the 2021 portal offered them. */
export const pointKinds = [
  'business',
  'office',
  'school',
  'hospital',
  'market',
  'restaurant',
  'hotel',
  'residential',
  'vehicle',
  'event',
  'road_checkpoint',
] as const;
export type PointKind = (typeof pointKinds)[number];

export const pointSummarySchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(pointKinds),
  provinceCode: z.string(),
  communeCode: z.string(),
  communeName: z.string().nullable(),
  address: z.string(),
  isOpen: z.boolean(),
});
export type PointSummary = z.infer<typeof pointSummarySchema>;

/** Points a person sees in their own list carry whether they own it (they manage) or only scan. */
export const myPointSchema = pointSummarySchema.extend({ isOwner: z.boolean() });
export type MyPoint = z.infer<typeof myPointSchema>;

/** Public point codes: 8 characters without look-alikes (0/O, 1/I/L), so they can be read aloud. */
export const POINT_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const POINT_CODE_LENGTH = 8;

export const pointAddressSchema = z.object({
  provinceCode: provinceCodeSchema,
  communeCode: communeCodeSchema,
  detail: z.string().trim().max(200, 'tooLong').default(''),
});

/**
 * What an owner types to register or edit a point. A passenger vehicle needs its plate (stored as
 * painted, 51B-123.45); other kinds carry none.
 */
export const pointInputSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(2, 'tooShort')
      .max(200, 'tooLong')
      .transform((s) => normalizeName(s)),
    kind: z.enum(pointKinds, 'pointKind'),
    vehiclePlate: z.string().trim().max(20, 'tooLong').nullish(),
    address: pointAddressSchema,
    contactPhone: phoneSchema.nullish(),
  })
  .superRefine((p, ctx) => {
    if (p.kind !== 'vehicle') return;
    if (!p.vehiclePlate) {
      ctx.addIssue({ code: 'custom', message: 'plateRequired', path: ['vehiclePlate'] });
    } else if (!isValidVehicleNumber('car', p.vehiclePlate)) {
      ctx.addIssue({ code: 'custom', message: 'plate', path: ['vehiclePlate'] });
    }
  })
  .transform((p) => ({
    ...p,
    vehiclePlate:
      p.kind === 'vehicle' && p.vehiclePlate ? formatPlate(compactVehicleNumber(p.vehiclePlate)) : null,
    contactPhone: p.contactPhone ?? null,
  }));
export type PointInput = z.infer<typeof pointInputSchema>;

export const pointStaffSchema = z.object({
  userId: z.string(),
  phone: z.string().nullable(),
  displayName: z.string(),
  addedAt: z.string(),
});
export type PointStaff = z.infer<typeof pointStaffSchema>;

/** One point as its owner or staff see it; `staff` only for the owner. */
export const pointDetailSchema = pointSummarySchema.extend({
  vehiclePlate: z.string().nullable(),
  addressDetail: z.string(),
  contactPhone: z.string().nullable(),
  codeVersion: z.number().int(),
  isOwner: z.boolean(),
  staff: z.array(pointStaffSchema).nullable(),
});
export type PointDetail = z.infer<typeof pointDetailSchema>;

export const addStaffSchema = z.object({ phone: phoneSchema });

export const posterSizes = ['A4', 'A5'] as const;
export type PosterSize = (typeof posterSizes)[number];

/** Bulk registration from a spreadsheet: the columns as the 2021 portal's users know them. */
export const POINT_IMPORT_MAX_ROWS = 2000;
export const POINT_IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export const pointImportColumns = {
  name: 'Tên điểm',
  kind: 'Loại điểm',
  vehiclePlate: 'Biển số xe',
  provinceCode: 'Mã tỉnh/thành',
  communeCode: 'Mã xã/phường',
  address: 'Địa chỉ',
  contactPhone: 'Số điện thoại liên hệ',
} as const;

/** Vietnamese labels of the kinds, as typed in the spreadsheet's "Loại điểm" column. */
export const pointKindLabels: Record<PointKind, string> = {
  business: 'Cơ sở kinh doanh',
  office: 'Cơ quan, đơn vị',
  school: 'Trường học',
  hospital: 'Bệnh viện, phòng khám',
  market: 'Chợ',
  restaurant: 'Nhà hàng, quán ăn, cà phê',
  hotel: 'Khách sạn, nhà nghỉ',
  residential: 'Khu dân cư',
  vehicle: 'Phương tiện chở khách',
  event: 'Sự kiện',
  road_checkpoint: 'Chốt kiểm soát',
};

export const pointImportRowErrorSchema = z.object({
  row: z.number().int(),
  field: z.string(),
  message: z.string(),
});

/** Where a legacy code was printed before vaora (see normalizeLegacyCode in ./legacy-code). */
export const legacyCodeSources = ['bluezone', 'vhd', 'other'] as const;
export type LegacyCodeSource = (typeof legacyCodeSources)[number];
export const LEGACY_CODES_MAX_ROWS = 5000;

export const legacyCodeRowSchema = z.object({
  code: z.string().trim().min(1, 'required').max(2000, 'tooLong'),
  pointCode: z.string().trim().min(1, 'required').max(50, 'tooLong'),
  source: z.enum(legacyCodeSources, 'invalid'),
});

export const legacyCodesImportSchema = z.object({
  rows: z.array(legacyCodeRowSchema).min(1, 'required').max(LEGACY_CODES_MAX_ROWS, 'tooLong'),
});
export type LegacyCodesImport = z.infer<typeof legacyCodesImportSchema>;

export const legacyCodeSchema = z.object({
  code: z.string(),
  pointId: z.string(),
  pointCode: z.string(),
  pointName: z.string(),
  source: z.enum(legacyCodeSources),
  importedAt: z.string(),
});
export type LegacyCode = z.infer<typeof legacyCodeSchema>;
