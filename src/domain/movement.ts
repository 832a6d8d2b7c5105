import { z } from 'zod';
import { healthAnswersSchema } from './health';
import { genders } from './person';
import { phoneSchema } from './phone';
import { displayNameSchema } from './schemas/auth';
import { communeCodeSchema, provinceCodeSchema } from './units';

/** Máy bay, Tàu hỏa, Xe khách, Tàu thủy, Ô tô cá nhân, Xe máy. */
export const vehicles = ['airplane', 'train', 'bus', 'ship', 'car', 'motorbike'] as const;
export type Vehicle = (typeof vehicles)[number];

/** What the vehicle number is for each vehicle: a plate, a flight or train number, or a free name. */
export const vehicleNumberKind: Record<Vehicle, 'plate' | 'flight' | 'train' | 'name'> = {
  airplane: 'flight',
  train: 'train',
  bus: 'plate',
  ship: 'name',
  car: 'plate',
  motorbike: 'plate',
};

/** Letters and digits only, upper case: "51a-123.45" → "51A12345". */
export const compactVehicleNumber = (s: string) => s.toUpperCase().replace(/[^A-Z0-9]/g, '');

const vehicleNumberPatterns = {
  // 2-digit province, series (1–2 letters or letter+digit), 4–5 digits: 51A12345, 59X112345, 30LD12345.
  plate: /^\d{2}[A-Z][A-Z0-9]?\d{4,5}$/,
  flight: /^[A-Z0-9]{2}\d{1,4}$/,
  train: /^[A-Z]{1,3}\d{1,4}$/,
  name: /^[A-Z0-9]{2,20}$/,
} as const;

export function isValidVehicleNumber(vehicle: Vehicle, value: string): boolean {
  return vehicleNumberPatterns[vehicleNumberKind[vehicle]].test(compactVehicleNumber(value));
}

/** "51A12345" → "51A-123.45", as plates are painted. */
export function formatPlate(compact: string): string {
  const m = /^(\d{2}[A-Z][A-Z0-9]?)(\d{3})(\d{2})$/.exec(compact);
  if (m) return `${m[1]}-${m[2]}.${m[3]}`;
  const four = /^(\d{2}[A-Z][A-Z0-9]?)(\d{4})$/.exec(compact);
  return four ? `${four[1]}-${four[2]}` : compact;
}

export const placeSchema = z.object({
  provinceCode: provinceCodeSchema,
  communeCode: communeCodeSchema,
  address: z.string().trim().max(200, 'tooLong').default(''),
});

export const companionInputSchema = z.object({
  /** One of the account's persons (a dependant), or someone typed in. */
  personId: z.uuid().optional(),
  fullName: displayNameSchema,
  birthYear: z.number().int('birthYear').min(1900, 'birthYear').max(2100, 'birthYear'),
  gender: z.enum(genders, 'gender'),
  phone: phoneSchema.optional(),
  answers: healthAnswersSchema,
});
export type CompanionInput = z.infer<typeof companionInputSchema>;

export const MAX_COMPANIONS = 10;
/** How far ahead a journey may be declared. */
export const MAX_DAYS_AHEAD = 30;

export const movementInputSchema = z
  .object({
    personId: z.uuid('invalid'),
    vehicle: z.enum(vehicles, 'vehicle'),
    vehicleNumber: z.string().trim().max(20, 'tooLong').optional(),
    seat: z.string().trim().max(10, 'tooLong').optional(),
    /** ISO 8601 with offset; forms send Asia/Ho_Chi_Minh time (+07:00). */
    departureAt: z.iso.datetime({ offset: true, error: 'departure' }),
    origin: placeSchema,
    destination: placeSchema.extend({
      address: z.string().trim().min(3, 'destinationAddress').max(200, 'tooLong'),
    }),
    purpose: z.string().trim().max(200, 'tooLong').default(''),
    answers: healthAnswersSchema,
    companions: z.array(companionInputSchema).max(MAX_COMPANIONS, 'tooMany').default([]),
  })
  .superRefine((m, ctx) => {
    const kind = vehicleNumberKind[m.vehicle];
    if (kind !== 'name' && !m.vehicleNumber) {
      ctx.addIssue({
        code: 'custom',
        message: kind === 'plate' ? 'plateRequired' : 'tripNumberRequired',
        path: ['vehicleNumber'],
      });
    } else if (m.vehicleNumber && !isValidVehicleNumber(m.vehicle, m.vehicleNumber)) {
      ctx.addIssue({
        code: 'custom',
        message: kind === 'plate' ? 'plate' : 'tripNumber',
        path: ['vehicleNumber'],
      });
    }
    const departure = Date.parse(m.departureAt);
    const now = Date.now();
    if (departure < now - 86_400_000)
      ctx.addIssue({ code: 'custom', message: 'departurePast', path: ['departureAt'] });
    if (departure > now + MAX_DAYS_AHEAD * 86_400_000) {
      ctx.addIssue({ code: 'custom', message: 'departureTooFar', path: ['departureAt'] });
    }
    if (m.origin.communeCode === m.destination.communeCode) {
      ctx.addIssue({
        code: 'custom',
        message: 'sameOriginDestination',
        path: ['destination', 'communeCode'],
      });
    }
    const ids = m.companions.flatMap((c) => (c.personId ? [c.personId] : []));
    if (ids.includes(m.personId) || new Set(ids).size !== ids.length) {
      ctx.addIssue({ code: 'custom', message: 'companionTwice', path: ['companions'] });
    }
  });
export type MovementInput = z.infer<typeof movementInputSchema>;

/** declared → passed a checkpoint → arrived → followed up → done; or cancelled. */
export const movementStates = ['declared', 'passed', 'arrived', 'followed', 'done', 'cancelled'] as const;
export type MovementState = (typeof movementStates)[number];

/** What a declaration shows: its stored state, or "expired" when its QR lapsed before it was used. */
export type MovementStatus = MovementState | 'expired';

export function movementStatus(state: MovementState, validUntil: Date, now: Date): MovementStatus {
  return state === 'declared' && validUntil.getTime() <= now.getTime() ? 'expired' : state;
}

/** A declaration can be changed or cancelled only before it is used at a checkpoint. */
export const canChangeMovement = (status: MovementStatus) => status === 'declared';
/** "I have arrived": after passing a checkpoint, or without one (not every road has a checkpoint). */
export const canConfirmArrival = (status: MovementStatus) => status === 'declared' || status === 'passed';
/** Daily declarations are asked while the traveller is followed up by the destination commune. */
export const isFollowedUp = (status: MovementStatus) => status === 'arrived' || status === 'followed';
