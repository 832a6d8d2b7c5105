import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../../../domain/messages';
import { en } from './en';
import { vi } from './vi';

type Widen<T> = T extends string ? string : { [K in keyof T]: Widen<T[K]> };
/** The shape of every catalogue: the Vietnamese one, with its words as plain strings. */
export type Catalogue = Widen<typeof vi>;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Catalogue };
  }
}

const STORAGE_KEY = 'vaora.lang';
/** Read by the server too, so its error messages and texts come in the same language. */
const COOKIE = 'lang';

const isLocale = (v: unknown): v is Locale => v === 'vi' || v === 'en';

function readStoredLocale(): Locale {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLocale(stored)) return stored;
  } catch {
    // Storage can be blocked (private mode, policies); the cookie still remembers.
  }
  const cookie = document.cookie
    .split(';')
    .map((p) => p.trim().split('='))
    .find(([k]) => k === COOKIE)?.[1];
  return isLocale(cookie) ? cookie : 'vi';
}

function persistLocale(locale: Locale) {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // See readStoredLocale.
  }
  const secure = location.protocol === 'https:' ? '; secure' : '';
  // The server must see the choice on the very next request; the Cookie Store API is not in every
  // browser our users have.
  // biome-ignore lint/suspicious/noDocumentCookie: a plain, non-secret preference cookie
  document.cookie = `${COOKIE}=${locale}; path=/; max-age=31536000; samesite=lax${secure}`;
  document.documentElement.lang = locale;
  document.title = i18n.t('app.documentTitle');
}

export function currentLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : 'vi';
}

export function changeLocale(locale: Locale): Promise<unknown> {
  return i18n.changeLanguage(locale);
}

/** Synchronous: the catalogues are bundled, so the first paint is already in the right language. */
export function initI18n(): void {
  const lng = readStoredLocale();
  void i18n.use(initReactI18next).init({
    resources: { vi: { translation: vi }, en: { translation: en } },
    lng,
    fallbackLng: 'vi',
    supportedLngs: ['vi', 'en'],
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  i18n.on('languageChanged', (l) => persistLocale(isLocale(l) ? l : 'vi'));
  // Also on start: the server learns the language before the first request that needs it.
  persistLocale(lng);
}

export { i18n };
