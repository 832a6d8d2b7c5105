import { z } from 'zod';

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
