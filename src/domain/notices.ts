/** Kinds of notice in a citizen's inbox, and what each carries: only what its sentence needs. */
export interface NoticeParamsByKind {
  /** "You were at {pointName} around {at} with a confirmed case" (at: ISO time). */
  exposure: { pointName: string; at: string };
  /** "The health officers of {communeName} follow your health; declare daily." */
  follow_up: { communeName?: string };
  /** About one of the person's movement declarations. */
  declaration: { movementId?: string; at?: string };
  /** A free text from the health authorities. */
  info: { text?: string };
}

export type NoticeKind = keyof NoticeParamsByKind;
export const noticeKinds: readonly NoticeKind[] = ['exposure', 'follow_up', 'declaration', 'info'];
