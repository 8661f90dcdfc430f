import type { Contract } from './contract';
import type { ContractApplication } from './subscribe';

/** Test data for the domain's unit tests: a sound application and the contract it makes. */
export function buildApplication(overrides: Partial<ContractApplication> = {}): ContractApplication {
  return {
    productRef: 'DEFERRED_BILLING',
    contractType: 'DEFERRED_BILLING',
    createdAt: '2026-10-01',
    signedAt: '2026-10-02',
    activatedAt: '2026-10-05',
    expireAt: '2027-10-04',
    distributor: { distributorRef: 'ESGI SA' },
    subscriber: {
      subscriberRef: 'CSE ACME',
      subscriberType: 'PROFESSIONNAL',
      party: { customerId: 'PRO-1', customerRef: 'CUST-1' },
      contactPerson: { lastName: 'DOE', mail: 'john.doe@acme.com' },
      contactAddress: { line1: 'ACME', line6: '75012 PARIS' },
      billingAddress: { line1: 'ACME', line4: '1 rue de la Paix', line6: '75002 PARIS' },
    },
    mandate: { mandateRef: 'RUM-1', iban: 'FR7630006000011234567890189', bic: 'AGRIFRPP', signedAt: '2026-10-02', status: 'ACTIVE' },
    outstandingLimit: { amount: 5000, currency: 'EUR' },
    billingContact: { firstName: 'Jane', lastName: 'ROE', mail: 'billing@acme.com' },
    language: 'fr',
    ...overrides,
  };
}

export function buildContract(overrides: Partial<Contract> = {}): Contract {
  return {
    contractId: '00000000-0000-4000-8000-000000000001',
    contractRef: 'CTR-2026-000001',
    version: 1,
    status: 'CREATED',
    statusReason: null,
    productRef: 'DEFERRED_BILLING',
    contractType: 'DEFERRED_BILLING',
    createdAt: '2026-10-01',
    signedAt: '2026-10-02',
    activatedAt: '2026-10-05',
    expireAt: '2027-10-04',
    terminatedAt: null,
    distributor: { distributorRef: 'ESGI SA' },
    subscriber: buildApplication().subscriber,
    mandate: {
      mandateRef: 'RUM-1',
      iban: 'FR7630006000011234567890189',
      bic: null,
      signedAt: '2026-10-02',
      status: 'ACTIVE',
      revokedAt: null,
      revocationReason: null,
    },
    outstandingLimit: { amountMinor: 500_000, currency: 'EUR' },
    billingContact: { firstName: 'Jane', lastName: 'ROE', mail: 'billing@acme.com' },
    language: 'fr',
    ...overrides,
  };
}
