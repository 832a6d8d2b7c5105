import type { CardView, PersonalCodeBatch } from '../../../domain/code-views';
import type { HealthAnswers } from '../../../domain/health';
import type { DailyDeclarationView, MovementView } from '../../../domain/movement-view';
import type { PersonView } from '../../../domain/person';
import { api } from '../../app/api-client';

/** A type as it arrives over JSON: dates are ISO strings. */
export type Json<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Json<U>[]
    : T extends object
      ? { [K in keyof T]: Json<T[K]> }
      : T;

export type { PersonView };
export type Movement = Json<MovementView>;
export type DailyDeclaration = Json<DailyDeclarationView>;
export type CodeBatch = Json<PersonalCodeBatch>;
export type Card = Json<CardView>;

export interface HealthDeclaration {
  id: string;
  personId: string;
  answers: HealthAnswers;
  hasSymptoms: boolean;
  createdAt: string;
}

export const paths = {
  profile: '/api/me/profile',
  persons: '/api/persons',
  person: (id: string) => `/api/persons/${encodeURIComponent(id)}`,
  health: (id: string) => `/api/persons/${encodeURIComponent(id)}/health`,
  latestHealth: (id: string) => `/api/persons/${encodeURIComponent(id)}/health/latest`,
  checkIns: (id: string) => `/api/persons/${encodeURIComponent(id)}/check-ins`,
  codes: (id: string) => `/api/persons/${encodeURIComponent(id)}/codes`,
  card: (id: string) => `/api/persons/${encodeURIComponent(id)}/card`,
  notices: '/api/notices',
  accessLog: '/api/me/access-log',
  movements: '/api/movements',
  movement: (id: string) => `/api/movements/${encodeURIComponent(id)}`,
} as const;

export interface PersonsAnswer {
  persons: PersonView[];
}

export interface ProfileAnswer {
  person: PersonView | null;
}

export const saveProfile = (body: unknown) => api<ProfileAnswer>('PUT', paths.profile, body);
export const addPerson = (body: unknown) => api<{ person: PersonView }>('POST', paths.persons, body);
export const updatePerson = (id: string, body: unknown) =>
  api<{ person: PersonView }>('PUT', paths.person(id), body);
export const removePerson = (id: string) => api<unknown>('DELETE', paths.person(id));

export const declareHealth = (personId: string, answers: HealthAnswers) =>
  api<{ declaration: HealthDeclaration }>('POST', paths.health(personId), { answers });

export const fetchCodes = (personId: string, signal?: AbortSignal) =>
  api<CodeBatch>('POST', paths.codes(personId), undefined, signal ? { signal } : {});

export interface MovementAnswer {
  movement: Movement;
  token: string | null;
}

export const declareMovement = (body: unknown) => api<MovementAnswer>('POST', paths.movements, body);
export const updateMovement = (id: string, body: unknown) =>
  api<MovementAnswer>('PUT', paths.movement(id), body);
export const cancelMovement = (id: string) => api<MovementAnswer>('POST', `${paths.movement(id)}/cancel`, {});
export const confirmArrival = (id: string) =>
  api<MovementAnswer>('POST', `${paths.movement(id)}/arrived`, {});
export const declareDaily = (id: string, body: unknown) =>
  api<{ declaration: DailyDeclaration }>('POST', `${paths.movement(id)}/daily`, body);

export interface CardAnswer {
  card: Card | null;
  token: string | null;
}
export const issueCard = (personId: string) => api<CardAnswer>('POST', paths.card(personId), {});
export const revokeCard = (personId: string) => api<unknown>('POST', `${paths.card(personId)}/revoke`, {});

export const markNoticeRead = (id: string) =>
  api<unknown>('POST', `${paths.notices}/${encodeURIComponent(id)}/read`, {});
export const markAllNoticesRead = () => api<unknown>('POST', `${paths.notices}/read-all`, {});
