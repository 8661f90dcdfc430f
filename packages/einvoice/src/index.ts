export type { DocumentLine, DocumentTypeCode, EInvoice, Party, PaymentInstructions, PostalAddress, VatBreakdownEntry, VatCategoryCode, VatTreatment } from './document';
export { eInvoiceOfCreditNote, eInvoiceOfIssuedInvoice, vatTreatmentOf, type CreditNoteSource, type InvoiceSource, type SellerSettings, type VatFacts } from './from-billing';
export { eInvoiceXml, libraryInvoiceOf, percentText, type Syntax } from './serialise';
export { FACTUR_X_FILE_NAME, facturXMetadata } from './factur-x-metadata';
export { sellerSettingsOf, sellerVariables } from './seller-variables';
