import type { Principal } from '../../domain/access';
import {
  type CodeCheckResult,
  decideCodeCheck,
  failedCodeCheck,
  noRevocations,
  type RevocationList,
  type Revocations,
} from '../../domain/code-check';
import type { CardView, PersonalCodeBatch } from '../../domain/code-views';
import {
  CARD_VALID_DAYS,
  type CardCodeClaims,
  PERSONAL_TOKEN_BATCH,
  PERSONAL_TOKEN_STEP_SECONDS,
  PERSONAL_TOKEN_TTL_SECONDS,
  type PersonalCodeClaims,
} from '../../domain/codes';
import { AppError } from '../../domain/errors';
import type { HealthAnswers } from '../../domain/health';
import { decodeToken, type TokenPayload } from '../../domain/signed-token';
import { computeStatus } from '../../domain/status';
import type { CardRow, CodesRepository } from '../repositories/codes.repository';
import type { PersonsRepository } from '../repositories/persons.repository';
import type { AuditService } from './audit.service';
import { renderQrSvg } from './qr-image';
import type { SigningService } from './signing.service';

export interface PersonalCodesServiceDeps {
  codes: CodesRepository;
  persons: Pick<PersonsRepository, 'findOwned'>;
  signing: Pick<SigningService, 'sign' | 'verify'>;
  audit: Pick<AuditService, 'record'>;
  now: () => Date;
}

const DAY_MS = 86_400_000;
const SCAN_PURPOSE = 'Kiểm tra mã QR tại điểm';
const toSeconds = (at: Date) => Math.floor(at.getTime() / 1000);

/** Personal QR batches, printed cards, and the online verifier for staff. */
export function createPersonalCodesService(deps: PersonalCodesServiceDeps) {
  const { codes, persons, signing, audit, now } = deps;

  async function findPerson(accountId: string, personId: string) {
    const person = await persons.findOwned(accountId, personId);
    if (!person) throw new AppError('NOT_FOUND');
    return person;
  }

  function signCard(card: CardRow, person: { full_name: string; birth_year: number }, at: Date) {
    const claims: CardCodeClaims = {
      typ: 'k',
      cid: card.id,
      pid: card.person_id,
      n: person.full_name,
      y: person.birth_year,
    };
    return signing.sign(claims, toSeconds(card.expires_at) - toSeconds(at));
  }

  const toCardView = (card: CardRow): CardView => ({
    id: card.id,
    issuedAt: card.issued_at,
    expiresAt: card.expires_at,
  });

  async function findLiveCard(accountId: string, personId: string) {
    const person = await findPerson(accountId, personId);
    const at = now();
    const card = await codes.findLiveCard(person.id, at);
    return card ? { card: toCardView(card), token: await signCard(card, person, at) } : null;
  }

  /** Looks up what the token's signature cannot say: whether its card or declaration was withdrawn. */
  async function lookUpRevocation(result: CodeCheckResult) {
    if (!result.valid || result.kind === 'personal') {
      return { revoked: noRevocations, subject: result.valid ? result.claims.pid : null };
    }
    if (result.kind === 'card') {
      const card = await codes.findCardState(result.claims.cid);
      const isRevoked = !card || card.revoked_at !== null;
      const revoked: Revocations = isRevoked
        ? { cards: new Set([result.claims.cid]), movements: new Set() }
        : noRevocations;
      return { revoked, subject: result.claims.pid };
    }
    const movement = await codes.findMovementState(result.claims.mid);
    // A deleted declaration (its person deleted) is as withdrawn as a cancelled one.
    const isRevoked = !movement || movement.state === 'cancelled';
    const revoked: Revocations = isRevoked
      ? { cards: new Set(), movements: new Set([result.claims.mid]) }
      : noRevocations;
    return { revoked, subject: movement?.person_id ?? null };
  }

  return {
    revocationsOf: lookUpRevocation,

    /** Tokens that take turns (nbf), each with the colour from the latest health declaration. */
    async issueBatch(accountId: string, personId: string): Promise<PersonalCodeBatch> {
      const person = await findPerson(accountId, personId);
      const latest = await codes.findLatestHealth(person.id);
      const at = now();
      const answers = latest?.answers as HealthAnswers | undefined;
      const status = computeStatus(
        {
          epiStatus: person.epi_status,
          epiStatusSince: person.epi_status_since,
          latest: latest && answers ? { answers, at: latest.created_at } : null,
        },
        at,
      );
      const base: Omit<PersonalCodeClaims, 'nbf'> = {
        typ: 'p',
        pid: person.id,
        n: person.full_name,
        y: person.birth_year,
        col: status.colour,
        r: status.reasons,
        ...(latest && answers ? { s: answers.symptoms, ht: toSeconds(latest.created_at) } : {}),
      };
      const start = toSeconds(at);
      const tokens = await Promise.all(
        Array.from({ length: PERSONAL_TOKEN_BATCH }, async (_, i) => {
          const nbf = start + i * PERSONAL_TOKEN_STEP_SECONDS;
          const claims: PersonalCodeClaims = { ...base, nbf };
          const token = await signing.sign(claims, PERSONAL_TOKEN_TTL_SECONDS, { notBefore: nbf });
          return { token, nbf, exp: decodeToken(token).payload.exp };
        }),
      );
      return {
        tokens,
        status,
        latestHealth: latest && answers ? { symptoms: answers.symptoms, at: latest.created_at } : null,
      };
    },

    /** A new printed card; any earlier live card of the person stops working. */
    async issueCard(accountId: string, personId: string) {
      const person = await findPerson(accountId, personId);
      const at = now();
      const card = await codes.issueCard(person.id, at, new Date(at.getTime() + CARD_VALID_DAYS * DAY_MS));
      return { card: toCardView(card), token: await signCard(card, person, at) };
    },

    findLiveCard,

    async revokeCard(accountId: string, personId: string): Promise<void> {
      const person = await findPerson(accountId, personId);
      await codes.revokeCards(person.id, now());
    },

    /** The live card's QR for the printable page. */
    async renderCardSvg(accountId: string, personId: string): Promise<string> {
      const live = await findLiveCard(accountId, personId);
      if (!live) throw new AppError('NOT_FOUND');
      return renderQrSvg(live.token);
    },

    /**
     * Verifies a scanned code online. A valid one shows a person's name and birth year to staff, so
     * each is audited.
     */
    async verify(actor: Principal, token: string, ip: string | null): Promise<CodeCheckResult> {
      let payload: TokenPayload;
      try {
        payload = await signing.verify(token);
      } catch (err) {
        return failedCodeCheck(err);
      }
      const { revoked, subject } = await lookUpRevocation(decideCodeCheck(payload, noRevocations));
      const result = decideCodeCheck(payload, revoked);
      if (result.valid) {
        await audit.record(actor, {
          action: 'read',
          resource: `code:${result.kind}`,
          subjectPersonId: subject,
          purpose: SCAN_PURPOSE,
          ip,
        });
      }
      return result;
    },

    /** Revoked card ids and cancelled declaration ids whose tokens would otherwise still verify. */
    async listRevocations(since: Date | undefined): Promise<RevocationList> {
      const at = now();
      const [cards, movements] = await Promise.all([
        codes.listRevokedCardIds(since, at),
        codes.listCancelledMovementIds(since, at),
      ]);
      return { cards: cards.map((c) => c.id), movements: movements.map((m) => m.id), asOf: at };
    },
  };
}

export type PersonalCodesService = ReturnType<typeof createPersonalCodesService>;
