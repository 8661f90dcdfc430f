import { toDecimal } from '@boissipay/money';
import type { contractApi } from '@boissipay/contracts';
import { DEFAULT_LANGUAGE, type Contract, type Mandate } from '../domain/contract';
import type { MandateInput } from '../domain/contract-inputs';
import type { ContractApplication } from '../domain/subscribe';

type Schemas = contractApi.components['schemas'];
export type ContractRequestBody = Schemas['ContractRequest'];
export type ContractResponseBody = Schemas['ContractResponse'];
export type MandateRequestBody = Schemas['MandateRequest'];

/** The validated request body as the domain reads it. `status` is ignored: a new contract is CREATED. */
export function applicationOf(body: ContractRequestBody): ContractApplication {
  return {
    productRef: body.productRef ?? 'DEFERRED_BILLING',
    contractType: body.contractType,
    createdAt: body.createdAt,
    signedAt: body.signedAt ?? null,
    activatedAt: body.activatedAt,
    expireAt: body.expireAt,
    distributor: body.distributor,
    subscriber: body.subscriber,
    mandate: mandateInputOf(body.payment.mandate),
    outstandingLimit: body.billing.outstandingLimit,
    billingContact: body.billing.contact,
    language: body.language ?? DEFAULT_LANGUAGE,
  };
}

export function mandateInputOf(body: MandateRequestBody): MandateInput {
  return { mandateRef: body.mandateRef, iban: body.iban, bic: body.bic ?? null, signedAt: body.signedAt ?? null, status: body.status };
}

/** The contract as the API shows it: decimal amounts, absent rather than null optional fields. */
export function responseOf(contract: Contract): ContractResponseBody {
  const { outstandingLimit } = contract;
  return {
    contractId: contract.contractId,
    contractRef: contract.contractRef,
    version: contract.version,
    productRef: contract.productRef,
    contractType: contract.contractType,
    createdAt: contract.createdAt,
    ...optional('signedAt', contract.signedAt),
    activatedAt: contract.activatedAt,
    expireAt: contract.expireAt,
    ...optional('terminatedAt', contract.terminatedAt),
    status: contract.status,
    ...optional('statusReason', contract.statusReason),
    distributor: contract.distributor,
    subscriber: contract.subscriber,
    payment: { mandate: mandateResponseOf(contract.mandate) },
    billing: {
      outstandingLimit: { amount: toDecimal(outstandingLimit.amountMinor, outstandingLimit.currency), currency: outstandingLimit.currency },
      contact: contract.billingContact,
    },
    language: contract.language,
  };
}

function mandateResponseOf(mandate: Mandate): Schemas['MandateResponse'] {
  return {
    mandateRef: mandate.mandateRef,
    iban: mandate.iban,
    ...optional('bic', mandate.bic),
    ...optional('signedAt', mandate.signedAt),
    status: mandate.status,
    ...optional('revokedAt', mandate.revokedAt),
    ...optional('revocationReason', mandate.revocationReason),
    ...optional('lastCollectedOn', mandate.lastCollectedOn ?? null),
  };
}

function optional<K extends string, V>(key: K, value: V | null): { [P in K]?: V } {
  return (value === null ? {} : { [key]: value }) as { [P in K]?: V };
}
