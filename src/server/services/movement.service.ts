import type { MovementCodeClaims } from '../../domain/codes';
import { AppError } from '../../domain/errors';
import { type DailyDeclarationInput, hasSymptoms } from '../../domain/health';
import {
  canChangeMovement,
  canConfirmArrival,
  compactVehicleNumber,
  formatPlate,
  isFollowedUp,
  type MovementInput,
  type MovementState,
  type MovementStatus,
  movementStatus,
  type Vehicle,
  vehicleNumberKind,
} from '../../domain/movement';
import type { DailyDeclarationView, MovementView, PlaceView } from '../../domain/movement-view';
import type { Gender } from '../../domain/person';
import type {
  CompanionRow,
  MovementFields,
  MovementRepository,
  MovementRow,
} from '../repositories/movement.repository';
import type { PersonsRepository } from '../repositories/persons.repository';
import type { SigningService } from './signing.service';
import type { UnitsService } from './units.service';

export interface MovementServiceDeps {
  movements: MovementRepository;
  persons: Pick<PersonsRepository, 'findOwned' | 'listOwned'>;
  units: Pick<UnitsService, 'placeIssue' | 'nameOf'>;
  signing: Pick<SigningService, 'sign'>;
  validHours: number;
  now: () => Date;
}

export interface UnitIssue {
  path: (string | number)[];
  message: 'unitCode' | 'communeNotInProvince';
}

const LIST_LIMIT = 200;
// Viet Nam keeps UTC+7 all year (no daylight saving), so the local day is a fixed shift away.
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

const toSeconds = (at: Date) => Math.floor(at.getTime() / 1000);

export const dayInVietnam = (at: Date) =>
  new Date(at.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);

export function createMovementService(deps: MovementServiceDeps) {
  const { movements, persons, units, signing, now } = deps;

  function describePlace(provinceCode: string, communeCode: string, address: string): PlaceView {
    const names = [address, units.nameOf(communeCode), units.nameOf(provinceCode)];
    return { provinceCode, communeCode, address, text: names.filter(Boolean).join(', ') };
  }

  function showVehicleNumber(vehicle: Vehicle, compact: string | null) {
    return compact && vehicleNumberKind[vehicle] === 'plate' ? formatPlate(compact) : compact;
  }

  function toView(row: MovementRow, companions: CompanionRow[], at: Date): MovementView {
    const vehicle = row.vehicle as Vehicle;
    return {
      id: row.id,
      personId: row.person_id,
      personName: row.person_name,
      personBirthYear: row.person_birth_year,
      vehicle,
      vehicleNumber: showVehicleNumber(vehicle, row.vehicle_number),
      seat: row.seat,
      departureAt: row.departure_at,
      origin: describePlace(row.origin_province, row.origin_commune, row.origin_address),
      destination: describePlace(row.dest_province, row.dest_commune, row.dest_address),
      purpose: row.purpose,
      hasSymptoms: row.has_symptoms,
      companions: companions.map((c) => ({
        fullName: c.full_name,
        birthYear: c.birth_year,
        gender: c.gender as Gender,
        hasSymptoms: c.has_symptoms,
      })),
      status: movementStatus(row.state, row.valid_until, at),
      validUntil: row.valid_until,
      createdAt: row.created_at,
    };
  }

  /** The QR a checkpoint verifies offline, valid until the declaration is; null once it can't be used. */
  async function signMovementToken(row: MovementRow, companions: CompanionRow[], at: Date) {
    const status = movementStatus(row.state, row.valid_until, at);
    // Whole seconds on both sides, so that exp is valid_until to the second.
    const ttl = toSeconds(row.valid_until) - toSeconds(at);
    if ((status !== 'declared' && status !== 'passed') || ttl <= 0) return null;
    const claims: MovementCodeClaims = {
      typ: 'm',
      mid: row.id,
      n: row.person_name,
      y: row.person_birth_year,
      v: row.vehicle as Vehicle,
      ...(row.vehicle_number ? { vn: row.vehicle_number } : {}),
      dep: toSeconds(row.departure_at),
      oc: row.origin_commune,
      dc: row.dest_commune,
      cc: companions.length,
      sy: row.has_symptoms || companions.some((c) => c.has_symptoms) ? 1 : 0,
    };
    return signing.sign(claims, ttl);
  }

  async function findOwnedRow(accountId: string, id: string) {
    const row = await movements.findOwned(accountId, id);
    if (!row) throw new AppError('NOT_FOUND');
    return row;
  }

  async function loadOwned(accountId: string, id: string) {
    const row = await findOwnedRow(accountId, id);
    return { row, companions: await movements.listCompanions([row.id]) };
  }

  async function describeWithToken(accountId: string, id: string) {
    const { row, companions } = await loadOwned(accountId, id);
    const at = now();
    return { movement: toView(row, companions, at), token: await signMovementToken(row, companions, at) };
  }

  /** Checks that the declarant and every listed companion are the account's persons (404 otherwise). */
  async function toFields(accountId: string, input: MovementInput): Promise<MovementFields> {
    if (!(await persons.findOwned(accountId, input.personId))) throw new AppError('NOT_FOUND');
    const companionIds = input.companions.flatMap((c) => (c.personId ? [c.personId] : []));
    if (companionIds.length > 0) {
      const owned = new Set((await persons.listOwned(accountId)).map((p) => p.id));
      if (!companionIds.every((id) => owned.has(id))) throw new AppError('NOT_FOUND');
    }
    const departureAt = new Date(input.departureAt);
    return {
      personId: input.personId,
      vehicle: input.vehicle,
      vehicleNumber: input.vehicleNumber ? compactVehicleNumber(input.vehicleNumber) : null,
      seat: input.seat || null,
      departureAt,
      originProvince: input.origin.provinceCode,
      originCommune: input.origin.communeCode,
      originAddress: input.origin.address,
      destProvince: input.destination.provinceCode,
      destCommune: input.destination.communeCode,
      destAddress: input.destination.address,
      purpose: input.purpose,
      answers: input.answers,
      hasSymptoms: hasSymptoms(input.answers),
      validUntil: new Date(departureAt.getTime() + deps.validHours * 3_600_000),
      companions: input.companions.map((c) => ({
        personId: c.personId ?? null,
        fullName: c.fullName,
        birthYear: c.birthYear,
        gender: c.gender,
        phone: c.phone ?? null,
        answers: c.answers,
        hasSymptoms: hasSymptoms(c.answers),
      })),
    };
  }

  /** Moves an owned declaration on when `allowed` says its status permits; CONFLICT otherwise. */
  async function moveOn(
    accountId: string,
    id: string,
    allowed: (status: MovementStatus) => boolean,
    to: MovementState,
    stamp?: 'arrived_at',
  ) {
    const { row, companions } = await loadOwned(accountId, id);
    const at = now();
    if (!allowed(movementStatus(row.state, row.valid_until, at))) throw new AppError('CONFLICT');
    if (!(await movements.changeState(id, row.state, to, at, stamp))) throw new AppError('CONFLICT');
    return { movement: toView({ ...row, state: to }, companions, at) };
  }

  return {
    /** Unit codes the schema cannot check: unknown, or a commune outside the chosen province. */
    findUnitIssues(input: Pick<MovementInput, 'origin' | 'destination'>): UnitIssue[] {
      const issues: UnitIssue[] = [];
      for (const key of ['origin', 'destination'] as const) {
        const { provinceCode, communeCode } = input[key];
        const issue = units.placeIssue(provinceCode, communeCode);
        if (issue)
          issues.push({
            path: [key, issue],
            message: issue === 'communeCode' ? 'communeNotInProvince' : 'unitCode',
          });
      }
      return issues;
    },

    async create(accountId: string, input: MovementInput) {
      const id = await movements.create(await toFields(accountId, input), accountId, now());
      return describeWithToken(accountId, id);
    },

    /** The account's declarations (all its persons, or one), newest first. */
    async list(accountId: string, personId?: string): Promise<MovementView[]> {
      if (personId && !(await persons.findOwned(accountId, personId))) throw new AppError('NOT_FOUND');
      const rows = await movements.listOwned(accountId, personId, LIST_LIMIT);
      const companions = await movements.listCompanions(rows.map((r) => r.id));
      const at = now();
      return rows.map((r) =>
        toView(
          r,
          companions.filter((c) => c.declaration_id === r.id),
          at,
        ),
      );
    },

    get: describeWithToken,

    async update(accountId: string, id: string, input: MovementInput) {
      const row = await findOwnedRow(accountId, id);
      if (!canChangeMovement(movementStatus(row.state, row.valid_until, now()))) {
        throw new AppError('CONFLICT');
      }
      const fields = await toFields(accountId, input);
      if (!(await movements.replace(id, row.state, fields, now()))) throw new AppError('CONFLICT');
      return describeWithToken(accountId, id);
    },

    cancel: (accountId: string, id: string) => moveOn(accountId, id, canChangeMovement, 'cancelled'),

    /** "Xác nhận đã đến nơi": the destination commune follows the traveller up from now on. */
    confirmArrival: (accountId: string, id: string) =>
      moveOn(accountId, id, canConfirmArrival, 'arrived', 'arrived_at'),

    async declareDaily(
      accountId: string,
      id: string,
      input: DailyDeclarationInput,
    ): Promise<DailyDeclarationView> {
      const row = await findOwnedRow(accountId, id);
      const at = now();
      if (!isFollowedUp(movementStatus(row.state, row.valid_until, at))) throw new AppError('CONFLICT');
      const symptoms = input.healthy ? [] : input.symptoms;
      const saved = await movements.saveDaily({
        personId: row.person_id,
        movementId: row.id,
        day: dayInVietnam(at),
        symptoms,
        at,
      });
      return toDailyView(saved);
    },

    async listDaily(accountId: string, id: string): Promise<DailyDeclarationView[]> {
      const row = await findOwnedRow(accountId, id);
      return (await movements.listDaily(row.id)).map(toDailyView);
    },
  };
}

function toDailyView(r: { day: string; symptoms: string[]; created_at: Date }): DailyDeclarationView {
  return {
    day: r.day,
    healthy: r.symptoms.length === 0,
    symptoms: r.symptoms as DailyDeclarationView['symptoms'],
    createdAt: r.created_at,
  };
}

export type MovementService = ReturnType<typeof createMovementService>;
