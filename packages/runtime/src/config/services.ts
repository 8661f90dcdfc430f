/** The four deployable services; config defaults and database names hang off these. */
export const serviceNames = ['contract-service', 'billing-service', 'payment-service', 'invoice-mailer'] as const;
export type ServiceName = (typeof serviceNames)[number];

/** Local defaults: one HTTP port and one PostgreSQL database per service. */
export const serviceDefaults: Record<ServiceName, { port: number; database: string }> = {
  'contract-service': { port: 8080, database: 'boissipay_contract' },
  'billing-service': { port: 8181, database: 'boissipay_billing' },
  'payment-service': { port: 8282, database: 'boissipay_payment' },
  'invoice-mailer': { port: 8383, database: 'boissipay_mailer' },
};
