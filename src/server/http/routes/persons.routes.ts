import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { personInputSchema, personViewSchema } from '../../../domain/person';
import type { Services } from '../../container';
import { noStore } from '../plugins/security-headers';

/** Every response except the two single-person reads: the serializer drops an `idNumber` even if set. */
export const maskedPersonSchema = personViewSchema.omit({ idNumber: true });
const personIdParams = z.object({ id: z.uuid() });
const okSchema = z.object({ ok: z.literal(true) });

const checkInEntrySchema = z.object({
  id: z.string(),
  at: z.date(),
  pointId: z.string(),
  pointName: z.string().nullable(),
  communeCode: z.string().nullable(),
  communeName: z.string().nullable(),
  provinceName: z.string().nullable(),
  method: z.enum(['self_scan', 'staff_scan', 'id_card', 'hand_entry', 'legacy_code', 'national_qr']),
  direction: z.enum(['in', 'out']),
});

export function personsRoutes(services: Services): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    // Personal data: no shared cache, no back-button copy on a shared phone.
    app.addHook('onRequest', noStore);

    app.get(
      '/api/me/profile',
      {
        config: { access: 'self' },
        schema: {
          tags: ['citizen'],
          summary: 'The account holder’s own profile (null until filled in), ID number in clear',
          response: { 200: z.object({ person: personViewSchema.nullable() }) },
        },
      },
      async (req) => ({ person: await services.persons.getProfile(req.principal!) }),
    );

    app.put(
      '/api/me/profile',
      {
        config: { access: 'self' },
        schema: {
          tags: ['citizen'],
          summary: 'Create or replace the account holder’s profile; the phone is the account’s',
          body: personInputSchema,
          response: { 200: z.object({ person: maskedPersonSchema }) },
        },
      },
      async (req) => ({ person: await services.persons.saveProfile(req.principal!, req.body) }),
    );

    app.get(
      '/api/persons',
      {
        config: { access: 'self' },
        schema: {
          tags: ['citizen'],
          summary: 'The holder and their dependants, holder first; ID numbers masked',
          response: { 200: z.object({ persons: z.array(maskedPersonSchema) }) },
        },
      },
      async (req) => ({ persons: await services.persons.list(req.principal!) }),
    );

    app.post(
      '/api/persons',
      {
        config: { access: 'self' },
        schema: {
          tags: ['citizen'],
          summary: 'Add a dependant ("khai hộ"): a child or relative without a phone',
          body: personInputSchema,
          response: { 200: z.object({ person: maskedPersonSchema }) },
        },
      },
      async (req) => ({ person: await services.persons.addDependant(req.principal!, req.body) }),
    );

    app.get(
      '/api/persons/:id',
      {
        config: { access: 'self' },
        schema: {
          tags: ['citizen'],
          summary: 'One of the account’s persons, ID number in clear (for the edit form)',
          params: personIdParams,
          response: { 200: z.object({ person: personViewSchema }) },
        },
      },
      async (req) => ({ person: await services.persons.get(req.principal!, req.params.id) }),
    );

    app.put(
      '/api/persons/:id',
      {
        config: { access: 'self' },
        schema: {
          tags: ['citizen'],
          summary: 'Replace a person’s details (fields left out are cleared)',
          params: personIdParams,
          body: personInputSchema,
          response: { 200: z.object({ person: maskedPersonSchema }) },
        },
      },
      async (req) => ({ person: await services.persons.update(req.principal!, req.params.id, req.body) }),
    );

    app.delete(
      '/api/persons/:id',
      {
        config: { access: 'self' },
        schema: {
          tags: ['citizen'],
          summary: 'Delete a dependant and all their data (not the holder: delete the account for that)',
          params: personIdParams,
          response: { 200: okSchema },
        },
      },
      async (req) => {
        await services.persons.remove(req.principal!, req.params.id);
        return { ok: true as const };
      },
    );

    app.get(
      '/api/persons/:id/check-ins',
      {
        config: { access: 'self' },
        schema: {
          tags: ['citizen'],
          summary: 'Where the person checked in, newest first; page back with `before`',
          params: personIdParams,
          querystring: z.object({
            limit: z.coerce.number().int().min(1).max(100).default(50),
            before: z.iso
              .datetime({ offset: true })
              .transform((s) => new Date(s))
              .optional(),
          }),
          response: {
            200: z.object({
              checkIns: z.array(checkInEntrySchema),
              /** Pass as `before` for the next page; null on the last page. */
              nextBefore: z.date().nullable(),
            }),
          },
        },
      },
      async (req) => {
        const { limit, before } = req.query;
        const checkIns = await services.checkInHistory.list(req.principal!, req.params.id, { limit, before });
        return {
          checkIns,
          nextBefore: checkIns.length === limit ? (checkIns.at(-1)?.at ?? null) : null,
        };
      },
    );
  };
}
