import { z } from 'zod';
import { unitCodeSchema } from './schemas/auth';
import { foldText } from './text';

/** The 2025 two-level list is the default; the 2021 three-level list serves old addresses. */
export const unitLists = ['2025', '2021'] as const;
export type UnitList = (typeof unitLists)[number];

export const unitLevels = ['province', 'district', 'commune'] as const;
export type UnitLevel = (typeof unitLevels)[number];

/** How a 2021 commune went into a 2025 one; `other` carries the official note, `by-name` is our guess. */
export const unitMergeKinds = ['whole', 'part', 'same', 'renamed', 'retyped', 'other', 'by-name'] as const;
export type UnitMergeKind = (typeof unitMergeKinds)[number];

export const unitListSchema = z.enum(unitLists);
export const unitLevelSchema = z.enum(unitLevels);
export const provinceCodeSchema = z.string().regex(/^\d{2}$/, 'unitCode');
export const communeCodeSchema = z.string().regex(/^\d{5}$/, 'unitCode');

export const unitSummarySchema = z.object({
  list: unitListSchema,
  code: z.string(),
  name: z.string(),
  level: unitLevelSchema,
  divisionType: z.string(),
  /** The province for a 2025 commune, the district for a 2021 commune, null for a province. */
  parentCode: z.string().nullable(),
  provinceCode: z.string(),
  provinceName: z.string(),
  /** The unit and its ancestors, nearest first: "Phường Ba Đình, Thành phố Hà Nội". */
  path: z.string(),
});
export type UnitSummary = z.infer<typeof unitSummarySchema>;

export const unitListQuerySchema = z.object({ list: unitListSchema.default('2025') });

export const unitChildrenQuerySchema = z.object({
  /** No parent: the provinces. */
  parent: unitCodeSchema.optional(),
  list: unitListSchema.default('2025'),
});
export type UnitChildrenQuery = z.infer<typeof unitChildrenQuerySchema>;

export const UNIT_SEARCH_MAX_LIMIT = 50;

export const unitSearchQuerySchema = z.object({
  q: z
    .string()
    .min(1, 'required')
    .max(100, 'tooLong')
    .regex(/[\p{L}\p{N}]/u, 'required'),
  list: unitListSchema.default('2025'),
  level: unitLevelSchema.optional(),
  province: provinceCodeSchema.optional(),
  limit: z.coerce.number().int().min(1).max(UNIT_SEARCH_MAX_LIMIT).default(20),
});
export type UnitSearchQuery = z.infer<typeof unitSearchQuerySchema>;

export const unitConversionSchema = z.object({
  old: z.object({ code: z.string(), name: z.string(), path: z.string() }),
  to: z.array(
    z.object({ unit: unitSummarySchema, merge: z.enum(unitMergeKinds), note: z.string().nullable() }),
  ),
});
export type UnitConversion = z.infer<typeof unitConversionSchema>;

// ---------------------------------------------------------------------------------------------------
// Search: names and queries are folded (no diacritics, lower case), and compared word by word.

/** The folded type words unit names start with. */
const typeWords = ['thanh pho', 'thi xa', 'thi tran', 'dac khu', 'phuong', 'xa', 'quan', 'huyen', 'tinh'];

/** How people abbreviate unit types in addresses ("P. Ba Đình, Q. Ba Đình, TP. Hà Nội"; "F.12" in Saigon). */
export const unitTypeAbbreviations: Readonly<Record<string, string>> = {
  p: 'phuong',
  f: 'phuong',
  q: 'quan',
  h: 'huyen',
  x: 'xa',
  t: 'tinh',
  tt: 'thi tran',
  tx: 'thi xa',
  tp: 'thanh pho',
  dk: 'dac khu',
};

/** Everyday names of provinces, by GSO code (the same in both lists), folded. */
export const provinceAliases: Readonly<Record<string, readonly string[]>> = {
  '01': ['hn'],
  '79': ['hcm', 'tphcm', 'sg', 'sai gon', 'saigon'],
};

/** foldText, and numbers without leading zeros: the 2021 list writes "Phường 01", people write "P.1". */
export function foldUnitText(s: string): string {
  return foldText(s).replace(/\b0+(\d)/g, '$1');
}

function splitFolded(folded: string): { typeKey: string | null; base: string } {
  const typeKey = typeWords.find((t) => folded.startsWith(`${t} `)) ?? null;
  return { typeKey, base: typeKey ? folded.slice(typeKey.length + 1) : folded };
}

/** A unit name split into its folded type ("phuong") and the rest ("ba dinh"). */
export function foldUnitName(name: string): { typeKey: string | null; base: string } {
  return splitFolded(foldUnitText(name));
}

/** Folded spellings of a name: "Ea H'Leo" is typed "ea h leo" as often as "ea hleo". */
function foldVariants(name: string): string[] {
  const spaced = foldUnitText(name);
  return /['’]/.test(name) ? [spaced, foldUnitText(name.replace(/['’]/g, ''))] : [spaced];
}

function lowerWords(s: string): string {
  return s
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

interface NameForm {
  full: string;
  base: string;
  isAlias: boolean;
}

/** What search compares a unit with, computed once per unit. Strings are padded with spaces. */
export interface UnitSearchEntry {
  typeKey: string | null;
  forms: NameForm[];
  /** All folded forms of the unit's own name, aliases included. */
  names: string;
  /** The ancestors' names and aliases. */
  context: string;
  /** Names and context together, for the quick rejection of most units. */
  doc: string;
  /** The unit's name in lower case with diacritics, to prefer what was typed with them. */
  accentedName: string;
  /** The same for the name and its ancestors. */
  accented: string;
}

/**
 * Builds a unit's entry from its name and its parent's entry (parents first: thousands of communes
 * share a few ancestors, whose names are then folded once).
 */
export function buildUnitSearchEntry(unit: {
  name: string;
  aliases?: readonly string[] | undefined;
  parent?: UnitSearchEntry | null | undefined;
}): UnitSearchEntry {
  const variants = foldVariants(unit.name);
  const { typeKey } = splitFolded(variants[0] ?? '');
  const forms: NameForm[] = variants.map((full) => ({ full, base: splitFolded(full).base, isAlias: false }));
  for (const alias of unit.aliases ?? []) forms.push({ full: alias, base: alias, isAlias: true });
  const names = ` ${forms.map((f) => f.full).join(' ')} `;
  const context = unit.parent ? `${unit.parent.names}${unit.parent.context.slice(1)}` : ' ';
  const accentedName = ` ${lowerWords(unit.name)} `;
  return {
    typeKey,
    forms,
    names,
    context,
    doc: `${names}${context.slice(1)}`,
    accentedName,
    accented: unit.parent ? `${accentedName}${unit.parent.accented.slice(1)}` : accentedName,
  };
}

export interface QueryToken {
  text: string;
  /** The token and its expansion when it may be an abbreviation ("q" → "quan"). */
  alternatives: string[];
  /** The word being typed: matches as a prefix ("ba di" finds "Ba Đình"). */
  isPartial: boolean;
  /** A type word or abbreviation: may be absent from the unit (the user says "p." of a new xã). */
  isTypeWord: boolean;
}

/** One way to read a query: which tokens name the unit, which its ancestors. */
export interface QueryReading {
  typeHint: string | null;
  name: QueryToken[];
  context: QueryToken[];
  /** The name comes before its ancestors, as Vietnamese addresses are written. */
  isNameFirst: boolean;
}

export interface UnitQuery {
  tokens: QueryToken[];
  readings: QueryReading[];
  /** Words typed with diacritics, in lower case: a tie-breaker between "Ba Đình" and "Ba Dinh". */
  accented: string[];
}

/** The type a run of folded words starts with, and how many words it takes ("tp" → thanh pho, 1). */
export function readTypePrefix(words: readonly string[]): { typeKey: string; length: number } | null {
  const two = words.slice(0, 2).join(' ');
  if (words.length >= 2 && typeWords.includes(two)) return { typeKey: two, length: 2 };
  const first = words[0];
  if (first === undefined) return null;
  if (typeWords.includes(first)) return { typeKey: first, length: 1 };
  const expanded = unitTypeAbbreviations[first];
  return expanded ? { typeKey: expanded, length: 1 } : null;
}

function markTypeWords(words: readonly string[]): boolean[] {
  const marks = words.map(() => false);
  for (let i = 0; i < words.length; i++) {
    const prefix = readTypePrefix(words.slice(i));
    for (let k = 0; prefix && k < prefix.length; k++) marks[i + k] = true;
  }
  return marks;
}

function readingsOf(name: QueryToken[], context: QueryToken[], isNameFirst: boolean): QueryReading[] {
  // A name made of type words alone ("thi" of "thi tran") would match every unit of that type.
  if (context.length > 0 && name.every((t) => t.isTypeWord)) return [];
  const readings: QueryReading[] = [{ typeHint: null, name, context, isNameFirst }];
  const prefix = readTypePrefix(name.map((t) => t.text));
  if (prefix && prefix.length < name.length) {
    readings.push({ typeHint: prefix.typeKey, name: name.slice(prefix.length), context, isNameFirst });
  }
  return readings;
}

/**
 * Reads what someone typed for a unit: folded, "q1" split into "q 1", abbreviations kept with their
 * expansions, and every split into a unit name and its ancestors ("ba đình hà nội" = Ba Đình in Hà Nội),
 * the name coming first or last.
 */
export function parseUnitQuery(raw: string): UnitQuery {
  const nfc = raw.normalize('NFC');
  const isLastPartial = !/[\s,.;]$/.test(nfc);
  const words = foldUnitText(nfc)
    .replace(/\b([pqf])(\d+)\b/g, '$1 $2')
    .split(' ')
    .filter(Boolean);
  const typeMarks = markTypeWords(words);
  const tokens = words.map<QueryToken>((text, i) => {
    const expanded = unitTypeAbbreviations[text];
    return {
      text,
      alternatives: expanded ? [text, expanded] : [text],
      isPartial: isLastPartial && i === words.length - 1,
      isTypeWord: typeMarks[i] ?? false,
    };
  });
  const readings: QueryReading[] = [];
  for (let i = 1; i <= tokens.length; i++) {
    readings.push(...readingsOf(tokens.slice(0, i), tokens.slice(i), true));
    if (i < tokens.length) readings.push(...readingsOf(tokens.slice(i), tokens.slice(0, i), false));
  }
  const accented = lowerWords(nfc)
    .split(' ')
    .filter((w) => w !== '' && w !== foldText(w));
  return { tokens, readings, accented };
}

function hasWord(padded: string, word: string, isPartial: boolean): boolean {
  return padded.includes(isPartial ? ` ${word}` : ` ${word} `);
}

function hasToken(padded: string, token: QueryToken): boolean {
  return token.alternatives.some((a) => hasWord(padded, a, token.isPartial));
}

const SCORE_EXACT = 300;
const SCORE_PREFIX = 200;
const SCORE_WORDS = 150;
const SCORE_SCATTERED = 50;
/** A nickname ("sg") yields to a unit really named so ("Phường Sài Gòn" before the city for "sai gon"). */
const ALIAS_PENALTY = 10;
const TYPE_BONUS = 50;
const CONTEXT_BONUS = 10;

function scoreForm(form: NameForm, name: QueryToken[]): number {
  const text = name.map((t) => t.text).join(' ');
  const isPartial = name.at(-1)?.isPartial ?? false;
  const penalty = form.isAlias ? ALIAS_PENALTY : 0;
  if (text === form.base || text === form.full) return SCORE_EXACT - penalty;
  const startsWith = (s: string) => (isPartial ? s.startsWith(text) : `${s} `.startsWith(`${text} `));
  if (startsWith(form.base) || startsWith(form.full)) return SCORE_PREFIX - penalty;
  const padded = ` ${form.full} `;
  if (name.every((t) => hasWord(padded, t.text, t.isPartial))) return SCORE_WORDS - penalty;
  return 0;
}

function scoreName(entry: UnitSearchEntry, reading: QueryReading): number {
  let best = 0;
  for (const form of entry.forms) best = Math.max(best, scoreForm(form, reading.name));
  return best;
}

function typeBonus(entry: UnitSearchEntry, reading: QueryReading): number {
  return reading.typeHint !== null && reading.typeHint === entry.typeKey ? TYPE_BONUS : 0;
}

function accentBonus(entry: UnitSearchEntry, query: UnitQuery): number {
  return query.accented.filter((w) => entry.accented.includes(` ${w} `)).length;
}

function scoreReading(entry: UnitSearchEntry, reading: QueryReading): number {
  const best = scoreName(entry, reading);
  if (best === 0) return 0;
  // A wrong type before an ancestor ("tp Thanh Hóa") should not hide the unit.
  if (!reading.context.every((t) => t.isTypeWord || hasToken(entry.context, t))) return 0;
  return best + typeBonus(entry, reading) + (reading.context.length > 0 ? CONTEXT_BONUS : 0);
}

/** Every word found somewhere in the unit's names or ancestors, at least one in its own name. */
function scoreScattered(entry: UnitSearchEntry, query: UnitQuery): number {
  if (!query.tokens.every((t) => hasToken(entry.doc, t))) return 0;
  return query.tokens.some((t) => !t.isTypeWord && hasToken(entry.names, t)) ? SCORE_SCATTERED : 0;
}

/**
 * How well a unit answers a query; 0 when it does not. Exact name > name starting with the query >
 * all words in the name > words spread over the name and its ancestors; the type the user typed and
 * the diacritics they used break ties.
 */
export function scoreUnit(entry: UnitSearchEntry, query: UnitQuery): number {
  // Most units lack some word of the query: reject them before trying every reading.
  if (!query.tokens.every((t) => t.isTypeWord || hasToken(entry.doc, t))) return 0;
  let best = 0;
  for (const reading of query.readings) best = Math.max(best, scoreReading(entry, reading));
  if (best === 0) best = scoreScattered(entry, query);
  if (best === 0) return 0;
  return best + accentBonus(entry, query);
}

/**
 * The fallback when scoreUnit finds nothing: an address written with ancestors that no longer exist
 * ("P. Tân Định, Q.1, TP.HCM" against the 2025 list, which has no districts). The unit named exactly by
 * the start of the query answers, whatever follows; each following word found among its ancestors
 * counts.
 */
export function scoreUnitLoosely(entry: UnitSearchEntry, query: UnitQuery): number {
  const first = query.tokens.find((t) => !t.isTypeWord);
  if (!first || !hasToken(entry.names, first)) return 0;
  let best = 0;
  for (const reading of query.readings) {
    if (!reading.isNameFirst || reading.context.length === 0) continue;
    if (scoreName(entry, reading) < SCORE_EXACT - ALIAS_PENALTY) continue;
    const found = reading.context.filter((t) => hasToken(entry.context, t)).length;
    best = Math.max(best, SCORE_EXACT + typeBonus(entry, reading) + found);
  }
  return best === 0 ? 0 : best + accentBonus(entry, query);
}
