import type { ErrorCode } from '../errors';
import { en } from './en';
import { vi } from './vi';

export type Locale = 'vi' | 'en';
export const locales: readonly Locale[] = ['vi', 'en'];

type ValidationKey = keyof typeof vi.validation;
export interface Messages {
  errors: Record<ErrorCode, string>;
  roles: Record<keyof typeof vi.roles, string>;
  sms: Record<keyof typeof vi.sms, string>;
  validation: Record<ValidationKey, string>;
}

export const messages: Record<Locale, Messages> = { vi, en };

/** The locale a request asked for (Accept-Language or the lang cookie); Vietnamese by default. */
export function pickLocale(header: string | undefined): Locale {
  return header?.trim().toLowerCase().startsWith('en') ? 'en' : 'vi';
}

export function isValidationKey(key: string): key is ValidationKey {
  return key in vi.validation;
}

/** Fills `{name}` placeholders. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}
