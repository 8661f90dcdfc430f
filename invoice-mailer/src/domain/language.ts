/**
 * The languages a customer's documents are written in (ISO 639-1): the contract's `language`,
 * carried by billing on each invoice. French unless the contract says English.
 */
export const languages = ['fr', 'en'] as const;
export type Language = (typeof languages)[number];
export const DEFAULT_LANGUAGE: Language = 'fr';

/** The locale amounts and dates are written in: France's French, and British English (day first, as French, and euros). */
const LOCALES: Readonly<Record<Language, string>> = { fr: 'fr-FR', en: 'en-GB' };

export function localeOf(language: Language): string {
  return LOCALES[language];
}

/** A language as recorded or received; anything else (an invoice stored before languages existed) reads as French. */
export function languageOf(value: string | null | undefined): Language {
  return languages.find((language) => language === value) ?? DEFAULT_LANGUAGE;
}
