/**
 * How a product line is taxed. Sales systems name it with a client-friendly category; the
 * invoice carries the VAT category code of EN 16931 (UNTDID 5305) with, when the line is not
 * taxed, why: the exemption reason code (CEF VATEX list, BT-121) and the mention printed
 * (BT-120). docs/adr/0026.
 */
export type VatCategory = 'STANDARD' | 'ZERO_RATED' | 'EXEMPT' | 'OUTSIDE_SCOPE' | 'TRAVEL_AGENT_MARGIN';
export type VatCategoryCode = 'S' | 'Z' | 'E' | 'O';

/** What an invoice line, a VAT breakdown entry or a credit-note line says about its tax. */
export interface VatTreatment {
  vatCategoryCode: VatCategoryCode;
  vatExemptionReasonCode: string | null;
  vatExemptionReason: string | null;
}

/**
 * The travel agents' margin scheme (CGI art. 266-1-e and 268, directive 2006/112/EC art. 306
 * to 310): the agency is taxed on its margin, and the invoice shows no VAT (CGI art. 242
 * nonies A, I-13°: the mention below). EN 16931 has no category of its own for it: it is E
 * with the VATEX code of the travel agents' scheme.
 */
export const TRAVEL_AGENT_MARGIN: VatTreatment = {
  vatCategoryCode: 'E',
  vatExemptionReasonCode: 'VATEX-EU-D',
  vatExemptionReason: 'Régime particulier – Agences de voyages',
};

export const OUTSIDE_SCOPE: VatTreatment = {
  vatCategoryCode: 'O',
  vatExemptionReasonCode: 'VATEX-EU-O',
  vatExemptionReason: 'Opération hors du champ d’application de la TVA',
};

export const STANDARD: VatTreatment = { vatCategoryCode: 'S', vatExemptionReasonCode: null, vatExemptionReason: null };
export const ZERO_RATED: VatTreatment = { vatCategoryCode: 'Z', vatExemptionReasonCode: null, vatExemptionReason: null };

/** A product line as the request gives its tax: the category (absent for older clients), rate, tax and exemption reason. */
export interface LineVat {
  path: string;
  vatCategory: VatCategory | undefined;
  vatRateBasisPoints: number;
  amountTaxMinor: number;
  vatExemptionReasonCode: string | undefined;
  vatExemptionReason: string | undefined;
}

export type VatTreatmentOutcome = { kind: 'treatment'; treatment: VatTreatment } | { kind: 'problem'; path: string; message: string };

/**
 * The line's treatment, or why its category does not fit its rate, tax or reason. A line
 * without a category is STANDARD, or ZERO_RATED at 0 %: that is what a 0 % line of a client
 * that sends no category means, and an S line at 0 % is not a valid EN 16931 invoice (BR-S-05).
 */
export function vatTreatmentOf(line: LineVat): VatTreatmentOutcome {
  const category = line.vatCategory ?? (line.vatRateBasisPoints === 0 ? 'ZERO_RATED' : 'STANDARD');
  const hasReason = line.vatExemptionReasonCode !== undefined || line.vatExemptionReason !== undefined;
  if (hasReason && category !== 'EXEMPT') {
    return problem(line, 'vatExemptionReason', `an exemption reason is given only with vatCategory EXEMPT, not ${category}.`);
  }
  if (category === 'STANDARD') {
    if (line.vatRateBasisPoints === 0) return problem(line, 'vatRate', 'a STANDARD line has a VAT rate above 0; a line taxed at 0 % is ZERO_RATED.');
    return { kind: 'treatment', treatment: STANDARD };
  }
  if (line.vatRateBasisPoints !== 0 || line.amountTaxMinor !== 0) {
    return problem(line, 'vatCategory', `a line of vatCategory ${category} has vatRate 0 and amountTax 0 (${line.vatRateBasisPoints / 100} % and ${line.amountTaxMinor} minor units given).`);
  }
  switch (category) {
    case 'ZERO_RATED':
      return { kind: 'treatment', treatment: ZERO_RATED };
    case 'OUTSIDE_SCOPE':
      return { kind: 'treatment', treatment: OUTSIDE_SCOPE };
    case 'TRAVEL_AGENT_MARGIN':
      return { kind: 'treatment', treatment: TRAVEL_AGENT_MARGIN };
    case 'EXEMPT':
      if (line.vatExemptionReason === undefined) {
        return problem(line, 'vatExemptionReason', 'an EXEMPT line needs its vatExemptionReason, the provision that exempts it (and its vatExemptionReasonCode when a VATEX code names it).');
      }
      return { kind: 'treatment', treatment: { vatCategoryCode: 'E', vatExemptionReasonCode: line.vatExemptionReasonCode ?? null, vatExemptionReason: line.vatExemptionReason } };
    default: {
      const unknown: never = category;
      return unknown;
    }
  }
}

const CATEGORY_ORDER: Readonly<Record<VatCategoryCode, number>> = { S: 0, Z: 1, E: 2, O: 3 };

/** Breakdown order: standard and reduced rates first, lowest rate first, then zero rated, exempt (by reason), outside scope. */
export function compareVatGroups(a: VatTreatment & { rateBasisPoints: number }, b: VatTreatment & { rateBasisPoints: number }): number {
  return (
    CATEGORY_ORDER[a.vatCategoryCode] - CATEGORY_ORDER[b.vatCategoryCode] ||
    a.rateBasisPoints - b.rateBasisPoints ||
    (a.vatExemptionReasonCode ?? '').localeCompare(b.vatExemptionReasonCode ?? '') ||
    (a.vatExemptionReason ?? '').localeCompare(b.vatExemptionReason ?? '')
  );
}

/** The key of a breakdown entry: one per category, rate and exemption reason. */
export function vatGroupKey(treatment: VatTreatment, rateBasisPoints: number): string {
  return JSON.stringify([treatment.vatCategoryCode, rateBasisPoints, treatment.vatExemptionReasonCode, treatment.vatExemptionReason]);
}

function problem(line: LineVat, field: string, message: string): VatTreatmentOutcome {
  return { kind: 'problem', path: `${line.path}/${field}`, message };
}

/**
 * A VAT breakdown entry or line as stored, with its treatment: entries stored before VAT
 * categories existed have none, and read as S, or Z at 0 % (as a request without categories does).
 */
export function withVatTreatment<T extends { rateBasisPoints?: number; vatRateBasisPoints?: number } & Partial<VatTreatment>>(entry: T): T & VatTreatment {
  const rate = entry.rateBasisPoints ?? entry.vatRateBasisPoints ?? 0;
  return {
    ...entry,
    vatCategoryCode: entry.vatCategoryCode ?? (rate === 0 ? 'Z' : 'S'),
    vatExemptionReasonCode: entry.vatExemptionReasonCode ?? null,
    vatExemptionReason: entry.vatExemptionReason ?? null,
  };
}
