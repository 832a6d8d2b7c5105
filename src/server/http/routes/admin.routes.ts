import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { roles } from '../../../domain/access';
import { phoneSchema } from '../../../domain/phone';
import { invitationSchema, purposeSchema } from '../../../domain/schemas/auth';
import type { Services } from '../../container';
import { localeOf } from '../plugins/error-handler';

const pageSchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export function adminRoutes(services: Services): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/api/admin/outbox',
      {
        config: { access: 'outbox.read' },
        schema: {
          tags: ['admin'],
          summary: 'Messages written by the outbox sender (development and demos)',
          querystring: z.object({
            phone: phoneSchema.optional(),
            limit: z.coerce.number().int().min(1).max(200).default(50),
          }),
          response: {
            200: z.object({
              messages: z.array(
                z.object({
                  id: z.string(),
                  channel: z.string(),
                  recipient: z.string(),
                  body: z.string(),
                  createdAt: z.date(),
                }),
              ),
            }),
          },
        },
      },
      async (req) => {
        const rows = await services.outbox.list(
          req.principal!,
          { recipient: req.query.phone, limit: req.query.limit },
          req.ip,
        );
        return {
          messages: rows.map((m) => ({
            id: m.id,
            channel: m.channel,
            recipient: m.recipient,
            body: m.body,
            createdAt: m.created_at,
          })),
        };
      },
    );

    app.post(
      '/api/admin/invitations',
      {
        config: { access: 'accounts.manage' },
        schema: {
          tags: ['admin'],
          summary: 'Invite a staff member; the link goes to their phone or e-mail',
          body: invitationSchema,
          response: { 200: z.object({ id: z.string(), link: z.string(), expiresAt: z.date() }) },
        },
      },
      async (req) => {
        const baseUrl = services.publicUrl ?? `${req.protocol}://${req.host}`;
        return services.accounts.invite(req.principal!, req.body, baseUrl, localeOf(req));
      },
    );

    app.get(
      '/api/admin/invitations',
      {
        config: { access: 'accounts.manage' },
        schema: {
          tags: ['admin'],
          response: {
            200: z.object({
              invitations: z.array(
                z.object({
                  id: z.string(),
                  displayName: z.string(),
                  phone: z.string().nullable(),
                  email: z.string().nullable(),
                  role: z.enum(roles),
                  unitCode: z.string().nullable(),
                  unitName: z.string().nullable(),
                  expiresAt: z.date(),
                }),
              ),
            }),
          },
        },
      },
      async (req) => {
        const rows = await services.accounts.listOpenInvitations(req.principal!);
        return {
          invitations: rows.map((r) => ({
            id: r.id,
            displayName: r.display_name,
            phone: r.phone,
            email: r.email,
            role: r.role,
            unitCode: r.unit_code,
            unitName: r.unit_code ? services.units.nameOf(r.unit_code) : null,
            expiresAt: r.expires_at,
          })),
        };
      },
    );

    app.get(
      '/api/admin/accounts',
      {
        config: { access: 'accounts.manage' },
        schema: {
          tags: ['admin'],
          summary: 'Staff accounts and their roles (audited: state the purpose)',
          querystring: pageSchema.extend({ purpose: purposeSchema }),
          response: {
            200: z.object({
              accounts: z.array(
                z.object({
                  id: z.string(),
                  displayName: z.string(),
                  phone: z.string().nullable(),
                  email: z.string().nullable(),
                  role: z.enum(roles),
                  scopeLevel: z.string(),
                  unitCode: z.string().nullable(),
                  unitName: z.string().nullable(),
                  isDisabled: z.boolean(),
                }),
              ),
            }),
          },
        },
      },
      async (req) => {
        const { purpose, limit, offset } = req.query;
        const rows = await services.accounts.listStaff(req.principal!, purpose, { limit, offset }, req.ip);
        return {
          accounts: rows.map((r) => ({
            id: r.id,
            displayName: r.display_name,
            phone: r.phone,
            email: r.email,
            role: r.role,
            scopeLevel: r.scope_level,
            unitCode: r.unit_code,
            unitName: r.unit_code ? services.units.nameOf(r.unit_code) : null,
            isDisabled: r.disabled_at !== null,
          })),
        };
      },
    );

    app.get(
      '/api/admin/audit',
      {
        config: { access: 'audit.read' },
        schema: {
          tags: ['admin'],
          summary: 'Who read or exported personal data, when and why',
          querystring: z.object({
            limit: z.coerce.number().int().min(1).max(500).default(100),
            subjectPersonId: z.uuid().optional(),
          }),
          response: {
            200: z.object({
              entries: z.array(
                z.object({
                  id: z.string(),
                  at: z.date(),
                  actorName: z.string(),
                  actorRole: z.string(),
                  action: z.string(),
                  resource: z.string(),
                  subjectPersonId: z.string().nullable(),
                  purpose: z.string(),
                }),
              ),
            }),
          },
        },
      },
      async (req) => {
        const rows = await services.audit.list({
          limit: req.query.limit,
          ...(req.query.subjectPersonId ? { subjectPersonIds: [req.query.subjectPersonId] } : {}),
        });
        return {
          entries: rows.map((r) => ({
            id: String(r.id),
            at: r.at,
            actorName: r.actor_label,
            actorRole: r.actor_role,
            action: r.action,
            resource: r.resource,
            subjectPersonId: r.subject_person_id,
            purpose: r.purpose,
          })),
        };
      },
    );
  };
}
