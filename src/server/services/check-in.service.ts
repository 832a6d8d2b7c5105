import { randomUUID } from 'node:crypto';
import type { Principal } from '../../domain/access';
import { decodeCccdQr } from '../../domain/cccd-qr';
import {
  type CheckInMethod,
  type Direction,
  type ResolvedPoint,
  SCAN_MAX_AGE_MS,
  SCAN_MAX_FUTURE_MS,
  type ScanInput,
  type ScanItem,
  type ScanResult,
  SELF_DEDUPE_MS,
  type SelfCheckInReply,
} from '../../domain/check-in';
import {
  type CodeCheckResult,
  decideCodeCheck,
  failedCodeCheck,
  noRevocations,
} from '../../domain/code-check';
import { AppError, type ErrorCode } from '../../domain/errors';
import { normalizeLegacyCode } from '../../domain/legacy-code';
import { decodeNationalQr, maskIdNumber } from '../../domain/national-qr';
import { normalizePhone } from '../../domain/phone';
import type { PointCodeClaims } from '../../domain/point-code';
import { tokenFromPointUrl } from '../../domain/point-code';
import { CLOCK_SKEW_SECONDS, decodeToken, type TokenPayload } from '../../domain/signed-token';
import { normalizeName } from '../../domain/text';
import type {
  CheckInPointRow,
  CheckInWriteRepository,
  NewCheckIn,
} from '../repositories/check-in-write.repository';
import type { CheckInBatcher } from './check-in-batcher';
import type { PersonalCodesService } from './personal-codes.service';
import type { SigningService } from './signing.service';
import type { UnitsService } from './units.service';

export interface CheckInServiceDeps {
  repo: CheckInWriteRepository;
  batcher: CheckInBatcher;
  signing: Pick<SigningService, 'verify'>;
  /** Whether a card or declaration was withdrawn, and whose it is: the verifier's own lookup. */
  codes: Pick<PersonalCodesService, 'revocationsOf'>;
  units: Pick<UnitsService, 'nameOf'>;
  now: () => Date;
  /**
   * How long a looked-up point is reused. Posters are scanned in bursts at the same door; a rotation or
   * a closure takes effect in every process within this time.
   */
  pointCacheMs?: number;
}

const TOKEN_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/** A rejected item: the route adds the message in the caller's language. */
type ItemOutcome =
  | { rejected: ErrorCode; details?: Record<string, unknown> }
  | {
      row: Omit<
        NewCheckIn,
        'id' | 'at' | 'receivedAt' | 'pointId' | 'provinceCode' | 'direction' | 'recordedBy' | 'deviceKey'
      >;
      /** What the staff see; absent for an anonymous legacy-code check-in. */
      person?: NonNullable<ScanResult['person']>;
    };

/** What became of one scanned item; the route adds the message in the caller's language. */
export interface ScanOutcome {
  id: string;
  status: ScanResult['status'];
  code?: ErrorCode;
  details?: Record<string, unknown>;
  person?: ScanResult['person'];
}

/** Recording check-ins: a citizen scans a point (way 1), staff scan people (way 2, and offline sync). */
export function createCheckInService(deps: CheckInServiceDeps) {
  const { repo, batcher, signing, codes, units, now } = deps;
  const cacheMs = deps.pointCacheMs ?? 2000;
  const pointCache = new Map<string, { point: Promise<CheckInPointRow | undefined>; until: number }>();

  /** The check-in that made a way-1 row a duplicate (rare: a second scan within 10 minutes). */
  async function earlierVisit(pointId: string, personId: string, direction: Direction, since: Date) {
    const earlier = await repo.findLatestVisit({ pointId, personId, direction }, since);
    if (!earlier) throw new Error('A way-1 check-in was skipped but no earlier one is there');
    return earlier;
  }

  /** Concurrent requests for the same point share one lookup; a failed lookup is not kept. */
  function cached(key: string, load: () => Promise<CheckInPointRow | undefined>) {
    const t = now().getTime();
    const hit = pointCache.get(key);
    if (hit && hit.until > t) return hit.point;
    const point = load();
    if (cacheMs > 0) {
      // A bounded cache: forged codes must not grow it without limit.
      if (pointCache.size > 10_000) pointCache.clear();
      const entry = { point, until: t + cacheMs };
      pointCache.set(key, entry);
      point.catch(() => {
        if (pointCache.get(key) === entry) pointCache.delete(key);
      });
    }
    return point;
  }

  // Everyone at a door scans the same poster: its signature is checked once, then its claims are reused
  // (the key is the whole token, signature included, and the expiry is still checked on each use).
  const verifiedPosters = new Map<string, PointCodeClaims & { exp: number }>();

  async function posterClaims(token: string): Promise<PointCodeClaims> {
    const known = verifiedPosters.get(token);
    if (known && now().getTime() < known.exp * 1000) return known;
    const payload = await signing.verify(token);
    if (payload.typ !== 'c' || typeof payload.pt !== 'string' || typeof payload.v !== 'number') {
      throw new AppError('TOKEN_MALFORMED');
    }
    const claims = { typ: 'c' as const, pt: payload.pt, v: payload.v, exp: payload.exp };
    if (verifiedPosters.size >= 10_000) verifiedPosters.clear();
    verifiedPosters.set(token, claims);
    return claims;
  }

  /** The point a poster token names; TOKEN_* when forged, POINT_CODE_ROTATED for an old poster. */
  async function pointOfPosterToken(token: string): Promise<CheckInPointRow> {
    const claims = await posterClaims(token);
    const point = await cached(`c:${claims.pt}`, () => repo.findPointByCode(claims.pt));
    if (!point) throw new AppError('UNKNOWN_CODE');
    if (claims.v < point.code_version) throw new AppError('POINT_CODE_ROTATED');
    // A version from the future was never issued by this server's data: treat it as unknown.
    if (claims.v > point.code_version) throw new AppError('UNKNOWN_CODE');
    return point;
  }

  /** A scanned poster URL, a bare poster token, or a legacy code; never a wrong point. */
  async function findPoint(code: string): Promise<{ point: CheckInPointRow; via: 'poster' | 'legacy' }> {
    const text = code.trim();
    const token = tokenFromPointUrl(text) ?? (TOKEN_SHAPE.test(text) ? text : null);
    if (token) return { point: await pointOfPosterToken(token), via: 'poster' };
    const legacy = normalizeLegacyCode(text);
    const point = await cached(`l:${legacy}`, () => repo.findPointByLegacyCode(legacy));
    if (!point) throw new AppError('UNKNOWN_CODE');
    return { point, via: 'legacy' };
  }

  function pointView(point: CheckInPointRow): ResolvedPoint['point'] {
    return {
      id: point.id,
      name: point.name,
      kind: point.kind as ResolvedPoint['point']['kind'],
      address: point.address,
      communeName: units.nameOf(point.commune_code),
      provinceName: units.nameOf(point.province_code),
    };
  }

  async function resolveOpen(code: string) {
    const found = await findPoint(code);
    if (!found.point.is_open) throw new AppError('POINT_CLOSED');
    return found;
  }

  /**
   * Verifies a vaora token as of the scan: an offline scanner checked it then, and the queue may reach
   * the server after the token's few minutes are over. The signature is still checked now, and the
   * scan time must lie within the token's own validity: a photo of a code cannot be dated back to a
   * day before it existed.
   */
  async function verifyAt(
    token: string,
    at: Date,
  ): Promise<{ result: CodeCheckResult; subject: string | null }> {
    let payload: TokenPayload;
    try {
      payload = await signing.verify(token);
    } catch (err) {
      // EXPIRED and NOT_YET_VALID come only after the signature checked out.
      if (
        !(err instanceof AppError && (err.code === 'TOKEN_EXPIRED' || err.code === 'TOKEN_NOT_YET_VALID'))
      ) {
        return { result: failedCodeCheck(err), subject: null };
      }
      payload = decodeToken(token).payload;
    }
    const atSeconds = Math.floor(at.getTime() / 1000);
    const startsAt = (typeof payload.nbf === 'number' ? payload.nbf : payload.iat) - CLOCK_SKEW_SECONDS;
    if (atSeconds >= payload.exp)
      return { result: failedCodeCheck(new AppError('TOKEN_EXPIRED')), subject: null };
    if (atSeconds < startsAt) {
      return { result: failedCodeCheck(new AppError('TOKEN_NOT_YET_VALID')), subject: null };
    }
    const unrevoked = decideCodeCheck(payload, noRevocations);
    const { revoked, subject } = await codes.revocationsOf(unrevoked);
    // Nothing withdrawn (always so for a personal code): the first decision stands.
    return { result: revoked === noRevocations ? unrevoked : decideCodeCheck(payload, revoked), subject };
  }

  const emptyRow = {
    personId: null,
    phone: null,
    gender: null,
    idNumberMasked: null,
    address: null,
    unlessSince: null,
    tokenKey: null,
    claimUntil: null,
  } as const;

  /**
   * What makes a scanned vaora code one check-in at a point and direction: a screen token by its own
   * id (a movement QR by its declaration, since one journey passes a point once), a printed card, which
   * never changes, by the 10-minute window way 1 uses.
   */
  function onceRule(
    result: Extract<CodeCheckResult, { valid: true }>,
    token: string,
    at: Date,
    scope: { pointId: string; direction: Direction },
  ): Pick<NewCheckIn, 'tokenKey' | 'unlessSince' | 'claimUntil'> {
    const prefix = `t:${scope.pointId}:${scope.direction}:`;
    // Kept while the token could be shown again.
    const claimUntil = new Date(result.claims.exp * 1000);
    switch (result.kind) {
      case 'personal': {
        // The first 128 bits of the signature name the token: no one without the private key makes
        // another valid token that shares them.
        const signature = token.slice(token.lastIndexOf('.') + 1);
        return { tokenKey: `${prefix}p:${signature.slice(0, 22)}`, unlessSince: null, claimUntil };
      }
      case 'movement':
        return { tokenKey: `${prefix}m:${result.claims.mid}`, unlessSince: null, claimUntil };
      case 'card':
        return { tokenKey: null, unlessSince: new Date(at.getTime() - SELF_DEDUPE_MS), claimUntil: null };
      default: {
        const unreachable: never = result;
        return unreachable;
      }
    }
  }

  async function outcomeOf(
    input: ScanInput,
    at: Date,
    scope: { pointId: string; direction: Direction },
  ): Promise<ItemOutcome> {
    const { pointId } = scope;
    switch (input.kind) {
      case 'vaora': {
        const { result, subject: personId } = await verifyAt(input.token, at);
        if (!result.valid) return { rejected: result.code };
        const c = result.claims;
        return {
          row: {
            ...emptyRow,
            ...onceRule(result, input.token, at, scope),
            personId,
            method: 'staff_scan',
            fullName: c.n,
            birthYear: c.y,
          },
          person:
            result.kind === 'personal'
              ? { name: c.n, birthYear: c.y, colour: result.claims.col, reasons: result.claims.r }
              : { name: c.n, birthYear: c.y },
        };
      }
      case 'national': {
        const d = decodeNationalQr(input.text);
        if (!d.ok) return { rejected: 'TOKEN_MALFORMED', details: { reason: d.reason } };
        const v = d.value;
        return {
          row: {
            ...emptyRow,
            method: 'national_qr',
            fullName: v.fullName,
            birthYear: v.birthYear,
            gender: v.gender,
            phone: v.phoneMasked,
            idNumberMasked: v.idNumberMasked,
          },
          person: { name: v.fullName, birthYear: v.birthYear },
        };
      }
      case 'cccd': {
        const d = decodeCccdQr(input.text);
        if (!d.ok) return { rejected: 'TOKEN_MALFORMED', details: { reason: d.reason } };
        const v = d.value;
        return {
          row: {
            ...emptyRow,
            method: 'id_card',
            fullName: v.fullName,
            birthYear: v.birthYear,
            gender: v.gender,
            idNumberMasked: v.idNumberMasked,
            address: v.address,
          },
          person: { name: v.fullName, birthYear: v.birthYear },
        };
      }
      case 'hand': {
        const phone = input.phone ? normalizePhone(input.phone) : null;
        if (input.phone && !phone) return { rejected: 'VALIDATION_FAILED', details: { field: 'phone' } };
        const fullName = normalizeName(input.fullName);
        return {
          row: {
            ...emptyRow,
            method: 'hand_entry',
            fullName,
            birthYear: input.birthYear,
            phone,
            gender: input.gender ?? null,
            idNumberMasked: input.idNumber ? maskIdNumber(input.idNumber) : null,
          },
          person: { name: fullName, birthYear: input.birthYear },
        };
      }
      case 'legacy': {
        const point = await cached(`l:${normalizeLegacyCode(input.code)}`, () =>
          repo.findPointByLegacyCode(normalizeLegacyCode(input.code)),
        );
        // A legacy place code names a point; scanned by this point's staff it must name this point.
        if (!point || point.id !== pointId) return { rejected: 'UNKNOWN_CODE' };
        return { row: { ...emptyRow, method: 'legacy_code', fullName: null, birthYear: null } };
      }
      default: {
        const unreachable: never = input;
        return unreachable;
      }
    }
  }

  return {
    findPoint,

    /** What a scanned code names, for the confirmation screen. */
    async resolve(code: string): Promise<ResolvedPoint> {
      const { point, via } = await resolveOpen(code);
      return { point: pointView(point), via };
    },

    /**
     * Way 1: the caller checks in themselves and the dependants with them. The same person at the same
     * point in the same direction within 10 minutes is one check-in.
     */
    async checkInSelf(
      actor: Principal,
      input: { code: string; personIds: string[]; direction: Direction },
    ): Promise<SelfCheckInReply> {
      const { point, via } = await resolveOpen(input.code);
      // The session holds the account's persons (dropped when they change), so this takes no query.
      const found = input.personIds.map((id) => actor.persons.find((p) => p.id === id));
      if (found.some((p) => !p)) throw new AppError('NOT_FOUND');
      const at = now();
      const method: CheckInMethod = via === 'legacy' ? 'legacy_code' : 'self_scan';
      const since = new Date(at.getTime() - SELF_DEDUPE_MS);
      const checkIns = await Promise.all(
        found.map(async (p) => {
          const person = p!;
          const id = randomUUID();
          const isNew = await batcher.add({
            id,
            at,
            receivedAt: at,
            pointId: point.id,
            provinceCode: point.province_code,
            personId: person.id,
            method,
            direction: input.direction,
            fullName: person.fullName,
            phone: person.phone,
            birthYear: person.birthYear,
            gender: person.gender,
            idNumberMasked: person.idNumberLast ? maskIdNumber(`********${person.idNumberLast}`) : null,
            address: null,
            recordedBy: actor.userId,
            unlessSince: since,
            // The server made the id: nothing to claim, and way 1's window is the rule.
            deviceKey: null,
            tokenKey: null,
            claimUntil: null,
          });
          if (isNew) return { personId: person.id, id, at, duplicate: false };
          const earlier = await earlierVisit(point.id, person.id, input.direction, since);
          return { personId: person.id, id: earlier.id, at: earlier.checked_in_at, duplicate: true };
        }),
      );
      return { point: pointView(point), checkIns };
    },

    /**
     * Way 2 and the offline queue: each item is stored exactly once however often it is sent, with
     * whatever time (its id comes from the device), and a screen code once per point and direction.
     * Each item is accepted or refused on its own. The reply shows staff only what each code carries,
     * and the row records who scanned whom: no audit row (docs/ARCHITECTURE.md).
     */
    async recordScans(actor: Principal, pointId: string, items: ScanItem[]): Promise<ScanOutcome[]> {
      if (!actor.pointIds.includes(pointId)) throw new AppError('NOT_FOUND');
      const point = await cached(`i:${pointId}`, () => repo.findPointById(pointId));
      if (!point) throw new AppError('NOT_FOUND');
      const nowMs = now().getTime();
      return Promise.all(
        items.map(async (item): Promise<ScanOutcome> => {
          const at = new Date(item.at);
          if (at.getTime() < nowMs - SCAN_MAX_AGE_MS || at.getTime() > nowMs + SCAN_MAX_FUTURE_MS) {
            return { id: item.id, status: 'rejected', code: 'SCAN_TIME_INVALID' };
          }
          const outcome = await outcomeOf(item.input, at, { pointId, direction: item.direction });
          if ('rejected' in outcome) {
            return {
              id: item.id,
              status: 'rejected',
              code: outcome.rejected,
              ...(outcome.details ? { details: outcome.details } : {}),
            };
          }
          let isNew: boolean;
          try {
            isNew = await batcher.add({
              ...outcome.row,
              id: item.id,
              at,
              receivedAt: new Date(nowMs),
              pointId,
              provinceCode: point.province_code,
              direction: item.direction,
              recordedBy: actor.userId,
              deviceKey: `i:${item.id}`,
              // A queue resends for up to SCAN_MAX_AGE_MS after it first reached us; a screen token
              // can be shown again until it expires.
              claimUntil: new Date(Math.max(nowMs + SCAN_MAX_AGE_MS, outcome.row.claimUntil?.getTime() ?? 0)),
            });
          } catch (err) {
            // A value the database refused is this item's fault alone; anything else fails the request.
            if (err instanceof AppError && err.code === 'VALIDATION_FAILED') {
              return { id: item.id, status: 'rejected', code: err.code };
            }
            throw err;
          }
          return {
            id: item.id,
            status: isNew ? 'stored' : 'duplicate',
            ...(outcome.person ? { person: outcome.person } : {}),
          };
        }),
      );
    },
  };
}

export type CheckInService = ReturnType<typeof createCheckInService>;
