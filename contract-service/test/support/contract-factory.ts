import type { contractApi } from '@boissipay/contracts';
import { addDays, calendarDateIn } from '../../src/domain/dates';
import { uniqueSuffix } from '@boissipay/runtime/testing';
import { TIME_ZONE } from './contract-service-under-test';

export type ContractRequest = contractApi.components['schemas']['ContractRequest'];

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };

export const todayInParis = (): string => calendarDateIn(TIME_ZONE, new Date());

/** A valid contract request valid from today for a year; each call has its own subscriber and customer. */
export function buildContractRequest(overrides: DeepPartial<ContractRequest> = {}): ContractRequest {
  const today = todayInParis();
  const suffix = uniqueSuffix();
  const base: ContractRequest = {
    productRef: 'DEFERRED_BILLING',
    contractType: 'DEFERRED_BILLING',
    createdAt: today,
    signedAt: today,
    activatedAt: today,
    expireAt: addDays(today, 365),
    status: 'ACTIVE',
    distributor: { distributorRef: 'ESGI SA', contactPerson: { lastName: 'MARTIN', mail: 'sales@esgi.example' } },
    subscriber: {
      subscriberRef: `CSE ACME ${suffix}`,
      subscriberType: 'PROFESSIONNAL',
      party: { customerId: `PRO-${suffix}`, customerRef: `CUST-${suffix}` },
      eInvoicing: { siren: '784671695', vatNumber: 'FR53784671695', country: 'FRANCE' },
      contactPerson: { contactId: 'CCU-001524', gender: 'M', firstName: 'John', lastName: 'DOE', mail: 'john.doe@acme.example', phone: '+33 (0)1 56 87 65 78' },
      contactAddress: { line1: 'ACME SA', line4: '242 rue du Faubourg Saint-Antoine', line6: '75012 PARIS' },
      billingAddress: { line1: 'ACME SA', line2: 'Service comptabilité', line4: '1 rue de la Paix', line6: '75002 PARIS', countryCode: 'FR' },
    },
    payment: {
      mandate: { mandateRef: `RUM-${suffix}`, iban: 'FR7630006000011234567890189', bic: 'AGRIFRPP', signedAt: today, status: 'ACTIVE' },
    },
    billing: {
      outstandingLimit: { amount: 15000.5, currency: 'EUR' },
      contact: { firstName: 'Jane', lastName: 'ROE', mail: 'billing@acme.example', phone: '+33 1 00 00 00 00' },
    },
  };
  return merge(base, overrides);
}

function merge<T>(base: T, overrides: DeepPartial<T>): T {
  const result: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(overrides as Record<string, unknown>)) {
    const current = result[key];
    const bothObjects = value !== null && typeof value === 'object' && !Array.isArray(value) && current !== null && typeof current === 'object';
    result[key] = bothObjects ? merge(current, value as DeepPartial<typeof current>) : value;
  }
  return result as T;
}

/** A copy without the property at `path` (e.g. ['subscriber', 'contactPerson']). */
export function without(request: ContractRequest, path: string[]): unknown {
  const copy = structuredClone(request) as Record<string, unknown>;
  let target: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string, unknown>;
  delete target[path[path.length - 1] as string];
  return copy;
}
