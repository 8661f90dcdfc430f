import { variable } from '@boissipay/runtime';
import { z } from 'zod';
import type { SellerSettings } from './from-billing';

/**
 * The seller as every e-invoice names it, read by billing (the XML its API serves) and by the
 * mailer (the factur-x.xml of its PDFs) from the same variables: one definition, so that both
 * services validate and default them alike and the two XML say the same.
 */
export const sellerVariables = {
  INVOICE_SELLER_NAME: variable({
    description: 'Legal name of the seller printed on every invoice.',
    schema: z.string().min(1),
    default: 'Boissipay SAS',
    productionDefault: false,
  }),
  INVOICE_SELLER_ADDRESS: variable({
    description: 'Postal address of the seller on invoices, lines separated by "|".',
    schema: z.string().min(1),
    default: '10 rue de la Paix|75002 Paris|France',
    productionDefault: false,
  }),
  INVOICE_SELLER_VAT_NUMBER: variable({
    description: "The seller's intra-community VAT number printed on invoices.",
    schema: z.string().regex(/^[A-Z]{2}[A-Z0-9]{2,13}$/, 'a VAT number such as FR12345678901'),
    default: 'FR00123456789',
    productionDefault: false,
  }),
  INVOICE_SELLER_SIREN: variable({
    description: "The seller's SIREN (9 digits), printed in its RCS registration on invoices (Code de commerce L441-9, R123-237).",
    schema: z.string().regex(/^[0-9]{9}$/, 'a SIREN of 9 digits'),
    default: '123456789',
    productionDefault: false,
  }),
  INVOICE_SEPA_CREDITOR_ID: variable({
    description: 'SEPA creditor identifier (ICS) printed beside the mandate reference on invoices paid by direct debit.',
    schema: z.string().regex(/^[A-Z]{2}[0-9]{2}[A-Z0-9]{3}[A-Z0-9]{1,28}$/, 'a SEPA creditor identifier such as FR12ZZZ123456'),
    default: 'FR00ZZZ000000',
    productionDefault: false,
  }),
};

/** The seller's settings from the values of `sellerVariables`. */
export function sellerSettingsOf(config: Record<keyof typeof sellerVariables, string>): SellerSettings & { siren: string } {
  return {
    name: config.INVOICE_SELLER_NAME,
    addressLines: config.INVOICE_SELLER_ADDRESS.split('|')
      .map((line) => line.trim())
      .filter((line) => line !== ''),
    vatNumber: config.INVOICE_SELLER_VAT_NUMBER,
    siren: config.INVOICE_SELLER_SIREN,
    sepaCreditorId: config.INVOICE_SEPA_CREDITOR_ID,
  };
}
