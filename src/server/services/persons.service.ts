import { randomUUID } from 'node:crypto';
import type { Principal } from '../../domain/access';
import { AppError } from '../../domain/errors';
import { type Address, foldName, maskIdNumber, type PersonInput, type PersonView } from '../../domain/person';
import type { PersonFields, PersonRow, PersonsRepository } from '../repositories/persons.repository';
import type { FieldEncryption } from './field-encryption';
import type { UnitsService } from './units.service';

/** "Khai hộ" is for a household: children, parents, grandparents. More looks like misuse. */
export const MAX_DEPENDANTS = 20;

const MASK = '******';

/** A field error found after the schema passed, shaped like one (the error handler adds the message). */
export function invalidField(path: string, key: string): AppError {
  return new AppError('VALIDATION_FAILED', { field: path, fields: [{ path, key }] });
}

// Binding the ciphertext to its row: an ID number copied onto another person does not decrypt there.
const idNumberContext = (personId: string) => `persons.id_number:${personId}`;

/** Profiles of the account holder and of their dependants ("khai hộ"). */
export function createPersonsService(deps: {
  persons: PersonsRepository;
  units: Pick<UnitsService, 'placeIssue' | 'nameOf'>;
  fields: FieldEncryption;
  now: () => Date;
  /** Called when the account's name or persons change: cached sessions must show it at once. */
  onAccountChanged?: (userId: string) => void;
}) {
  const { persons, units, fields, now } = deps;

  function checkAddress(address: Address | undefined) {
    if (!address) return;
    const issue = units.placeIssue(address.provinceCode, address.communeCode);
    if (issue)
      throw invalidField(`address.${issue}`, issue === 'communeCode' ? 'communeNotInProvince' : 'unitCode');
  }

  function fieldsOf(
    personId: string,
    input: PersonInput,
    owner: { phone: string | null; relation: string | null },
  ): PersonFields {
    const id = input.idNumber ?? null;
    return {
      relation: owner.relation,
      fullName: input.fullName,
      nameFolded: foldName(input.fullName),
      birthDate: input.birthDate ?? null,
      birthYear: input.birthYear,
      gender: input.gender,
      phone: owner.phone,
      idNumberEnc: id ? fields.encrypt(id, idNumberContext(personId)) : null,
      idNumberHash: id ? fields.lookupHash(id) : null,
      // What the masked form shows, so lists never need to decrypt.
      idNumberLast: id ? maskIdNumber(id).slice(MASK.length) : null,
      insuranceNumber: input.insuranceNumber ?? null,
      nationality: input.nationality,
      provinceCode: input.address?.provinceCode ?? null,
      communeCode: input.address?.communeCode ?? null,
      addressDetail: input.address?.detail ?? '',
    };
  }

  function viewOf(row: PersonRow, withIdNumber: boolean): PersonView {
    const address =
      row.province_code && row.commune_code
        ? {
            provinceCode: row.province_code,
            communeCode: row.commune_code,
            detail: row.address_detail,
            text: [row.address_detail, units.nameOf(row.commune_code), units.nameOf(row.province_code)]
              .filter(Boolean)
              .join(', '),
          }
        : null;
    return {
      id: row.id,
      isSelf: row.is_self,
      relation: row.relation,
      fullName: row.full_name,
      birthDate: row.birth_date,
      birthYear: row.birth_year,
      gender: row.gender,
      phone: row.phone,
      idNumberMasked: row.id_number_last === null ? null : `${MASK}${row.id_number_last}`,
      ...(withIdNumber
        ? {
            idNumber: row.id_number_enc ? fields.decrypt(row.id_number_enc, idNumberContext(row.id)) : null,
          }
        : {}),
      insuranceNumber: row.insurance_number,
      nationality: row.nationality,
      address,
    };
  }

  type Tx = Parameters<Parameters<PersonsRepository['withAccountLocked']>[1]>[0];

  // The same person declared twice by one account is a mistake; two accounts (both parents) may.
  async function checkIdNumberFree(tx: Tx, accountId: string, f: PersonFields, exceptId: string | null) {
    if (f.idNumberHash && (await tx.hasIdNumber(accountId, f.idNumberHash, exceptId))) {
      throw new AppError('CONFLICT', { field: 'idNumber' });
    }
  }

  async function requireOwned(actor: Principal, personId: string): Promise<PersonRow> {
    const row = await persons.findOwned(actor.userId, personId);
    // Not 403: another account's person ids must not be told apart from ids that do not exist.
    if (!row) throw new AppError('NOT_FOUND');
    return row;
  }

  return {
    requireOwned,

    /** The holder's own profile, the ID number in clear: null until it is filled in. */
    async getProfile(actor: Principal): Promise<PersonView | null> {
      const row = await persons.findSelf(actor.userId);
      return row ? viewOf(row, true) : null;
    },

    /** Creates or replaces the holder's profile; the phone is the account's, verified by OTP. */
    async saveProfile(actor: Principal, input: PersonInput): Promise<PersonView> {
      checkAddress(input.address);
      const row = await persons.withAccountLocked(actor.userId, async (tx) => {
        const existing = await tx.findSelf(actor.userId);
        const id = existing?.id ?? randomUUID();
        const f = fieldsOf(id, input, { phone: actor.phone, relation: null });
        await checkIdNumberFree(tx, actor.userId, f, id);
        await tx.setAccountName(actor.userId, input.fullName);
        return existing
          ? tx.update(actor.userId, id, f, now())
          : tx.insert({ id, accountId: actor.userId, isSelf: true, ...f });
      });
      if (!row) throw new AppError('NOT_FOUND');
      deps.onAccountChanged?.(actor.userId);
      return viewOf(row, false);
    },

    /** The holder first, then dependants in the order they were added; ID numbers masked. */
    async list(actor: Principal): Promise<PersonView[]> {
      return (await persons.listOwned(actor.userId)).map((row) => viewOf(row, false));
    },

    /** One of the account's persons, the ID number in clear (the edit form needs it). */
    async get(actor: Principal, personId: string): Promise<PersonView> {
      return viewOf(await requireOwned(actor, personId), true);
    },

    async addDependant(actor: Principal, input: PersonInput): Promise<PersonView> {
      checkAddress(input.address);
      const row = await persons.withAccountLocked(actor.userId, async (tx) => {
        if ((await tx.countDependants(actor.userId)) >= MAX_DEPENDANTS) {
          throw new AppError('CONFLICT', { reason: 'tooManyPersons', max: MAX_DEPENDANTS });
        }
        const id = randomUUID();
        const f = fieldsOf(id, input, { phone: input.phone ?? null, relation: input.relation ?? null });
        await checkIdNumberFree(tx, actor.userId, f, null);
        return tx.insert({ id, accountId: actor.userId, isSelf: false, ...f });
      });
      deps.onAccountChanged?.(actor.userId);
      return viewOf(row, false);
    },

    /** Replaces the person's details; what the form leaves out (an ID number, an address) is cleared. */
    async update(actor: Principal, personId: string, input: PersonInput): Promise<PersonView> {
      checkAddress(input.address);
      const row = await persons.withAccountLocked(actor.userId, async (tx) => {
        const existing = await tx.findOwned(actor.userId, personId);
        if (!existing) throw new AppError('NOT_FOUND');
        const f = fieldsOf(
          personId,
          input,
          existing.is_self
            ? { phone: actor.phone, relation: null }
            : { phone: input.phone ?? null, relation: input.relation ?? null },
        );
        await checkIdNumberFree(tx, actor.userId, f, personId);
        return tx.update(actor.userId, personId, f, now());
      });
      if (!row) throw new AppError('NOT_FOUND');
      deps.onAccountChanged?.(actor.userId);
      return viewOf(row, false);
    },

    /** A dependant and all their data. The holder's own person goes only with the account. */
    async remove(actor: Principal, personId: string): Promise<void> {
      const row = await requireOwned(actor, personId);
      if (row.is_self) throw new AppError('CONFLICT', { reason: 'selfPerson' });
      if (!(await persons.deleteDependant(actor.userId, personId))) throw new AppError('NOT_FOUND');
      deps.onAccountChanged?.(actor.userId);
    },
  };
}

export type PersonsService = ReturnType<typeof createPersonsService>;
