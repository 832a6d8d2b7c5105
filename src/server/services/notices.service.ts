import type { Principal } from '../../domain/access';
import { AppError } from '../../domain/errors';
import type { NoticeParamsByKind } from '../../domain/notices';
import type { NoticeKind, NoticesRepository } from '../repositories/notices.repository';

/** Only what the text of the notice needs (e.g. `{ pointName, at }`): the web renders it from kind + params. */
export type NoticeParams = Record<string, string | number | boolean | null>;

export interface NoticeView {
  id: string;
  personId: string | null;
  personName: string | null;
  kind: NoticeKind;
  params: NoticeParams;
  createdAt: Date;
  readAt: Date | null;
}

/** The citizen's inbox: exposure warnings, follow-up reminders, notices about declarations. */
export function createNoticesService(deps: { notices: NoticesRepository; now: () => Date }) {
  const { notices, now } = deps;

  return {
    /** For other features (exposure warnings, follow-up reminders): puts a notice in an account's inbox. */
    notify: <K extends NoticeKind>(
      accountId: string,
      personId: string | null,
      kind: K,
      params: NoticeParamsByKind[K],
    ) => notices.add({ accountId, personId, kind, params: params as NoticeParams, at: now() }),

    async list(actor: Principal, limit: number): Promise<{ notices: NoticeView[]; unread: number }> {
      const [rows, unread] = await Promise.all([
        notices.listForAccount(actor.userId, limit),
        notices.countUnread(actor.userId),
      ]);
      return {
        notices: rows.map((r) => ({
          id: r.id,
          personId: r.person_id,
          personName: r.person_name,
          kind: r.kind,
          params: r.params as NoticeParams,
          createdAt: r.created_at,
          readAt: r.read_at,
        })),
        unread,
      };
    },

    /** Returns how many stay unread. */
    async markRead(actor: Principal, noticeId: string): Promise<number> {
      if (!(await notices.markRead(actor.userId, noticeId, now()))) throw new AppError('NOT_FOUND');
      return notices.countUnread(actor.userId);
    },

    async markAllRead(actor: Principal): Promise<number> {
      await notices.markAllRead(actor.userId, now());
      return 0;
    },
  };
}

export type NoticesService = ReturnType<typeof createNoticesService>;
