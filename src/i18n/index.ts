// Message lookup and language choice: --lang, else RAD_LANG, else the plan's language, else English.
import type { Lang } from '../core/types.js';
import { en, type MessageKey } from './en.js';
import { id } from './id.js';

export type { MessageKey };
export const catalogs: Record<Lang, Record<MessageKey, string>> = { en, id };
export const LANGS: readonly Lang[] = ['id', 'en'];

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function isLang(value: unknown): value is Lang {
  return value === 'id' || value === 'en';
}

/** Thrown in strict mode for a message whose call left a placeholder unfilled. */
export class UnfilledMessage extends Error {}

let strict = false;

/**
 * Strict mode (RAD_STRICT_MESSAGES=1, which the tests' runners set for in-process and spawned runs alike): a message
 * left with an unfilled `{placeholder}` is an internal error instead of a printed template, so every message a test
 * reaches is checked with the parameters it is really called with. cli.ts sets it from the environment of each run.
 */
export function setStrictMessages(on: boolean): void {
  strict = on;
}

export function strictMessages(): boolean {
  return strict;
}

export function translator(lang: Lang): Translate {
  const catalog = catalogs[lang];
  const check = strict;
  return (key, params = {}) =>
    catalog[key].replace(/\{([a-zA-Z0-9_]+)\}/g, (whole, name: string) => {
      if (name in params) return String(params[name]);
      if (check) throw new UnfilledMessage(`message '${key}' was given no {${name}}`);
      return whole;
    });
}

/** The language to speak: explicit flag, then RAD_LANG, then the plan's own language, then English. */
export function chooseLang(
  flag: string | undefined,
  env: Record<string, string | undefined>,
  planLang: string | undefined,
): Lang {
  for (const candidate of [flag, env.RAD_LANG, planLang]) if (isLang(candidate)) return candidate;
  return 'en';
}

export function hasMessage(key: string): key is MessageKey {
  return key in en;
}
