import { ALL_CUSTOMERS, isInCustomerScope, requestFingerprint, type AuditContext, type CustomerScope } from '@boissipay/runtime';
import type { Contract } from '../domain/contract';
import { mandateRefInUse, type Invalid, type Refused } from '../domain/contract.errors';
import { subscribe, type ContractApplication } from '../domain/subscribe';
import { findContract, findContractRefByMandateRef, insertContract, isMandateRefTaken, nextContractRef } from '../infra/contract-repository';
import { claimIdempotencyKey, findIdempotencyRecord, type IdempotencyRecord } from '../infra/idempotency-repository';
import { auditContractChange } from './audit-change';
import { momentOf, type ContractDependencies } from './dependencies';
import { enqueueLifecycleEvent } from './publish-change';

export interface CreateContractRequest {
  application: ContractApplication;
  /** The caller (token subject): idempotency keys are per client. */
  clientId: string;
  idempotencyKey?: string;
  /** Who asks (token subject and scopes) and the request id, for the audit trail. */
  audit: AuditContext;
  /** Whose contracts the caller may create: its token's customers, or every customer. */
  scope: CustomerScope;
}

export type CreateContractResult =
  | { kind: 'created'; contract: Contract }
  | { kind: 'replayed'; contract: Contract }
  | { kind: 'key-reused'; message: string }
  | { kind: 'outside-scope'; message: string }
  | Invalid
  | Refused;

/**
 * Subscribes a contract: checks it, gives it an id and a reference, stores it with its
 * SUBSCRIBED event and, when the client sent one, its idempotency key, all in one
 * transaction. A request already seen under the same key gets the contract it created.
 * A caller restricted to some customers may only subscribe contracts for one of them.
 */
export async function createContract(dependencies: ContractDependencies, request: CreateContractRequest): Promise<CreateContractResult> {
  const { db } = dependencies;
  const { now, today } = momentOf(dependencies);
  const requestHash = requestFingerprint(request.application);
  const customerRef = request.application.subscriber.party?.customerRef;
  if (!isInCustomerScope(request.scope, customerRef)) {
    return { kind: 'outside-scope', message: `This token acts for other customers than ${customerRef ?? 'a subscriber without customerRef'}.` };
  }

  if (request.idempotencyKey) {
    const seen = await findIdempotencyRecord(db, request.clientId, request.idempotencyKey);
    if (seen) return replayOf(dependencies, seen, requestHash);
  }

  const mandateRef = request.application.mandate.mandateRef;
  const outcome = await db.transaction(async (tx): Promise<CreateContractResult | IdempotencyRecord> => {
    const contractRef = await nextContractRef(tx, today.slice(0, 4));
    const decision = subscribe(request.application, { contractId: dependencies.newId(), contractRef }, today);
    if (decision.kind === 'invalid') return decision;
    if (request.idempotencyKey) {
      const record = { clientId: request.clientId, idempotencyKey: request.idempotencyKey, requestHash, contractRef };
      // Lost a race with a concurrent request under the same key: answer as a replay of it.
      if (!(await claimIdempotencyKey(tx, record))) {
        const winner = await findIdempotencyRecord(tx, request.clientId, request.idempotencyKey);
        if (!winner) throw new Error(`idempotency key ${request.idempotencyKey} vanished`);
        return winner;
      }
    }
    // After the key, so that a replay of the request that took this reference is answered as a replay;
    // thrown, so that the key claimed above is rolled back with the rest.
    if (await findContractRefByMandateRef(tx, mandateRef, decision.contract.contractId)) throw new MandateRefTaken();
    await insertContract(tx, decision.contract);
    await enqueueLifecycleEvent(tx, decision, { now, newId: dependencies.newId, changedBy: request.audit.actor.subject });
    await auditContractChange(tx, decision, { audit: request.audit, action: 'SUBSCRIBE', now });
    return { kind: 'created', contract: decision.contract };
  }).catch((error: unknown) => {
    // Another contract has the mandate reference, or took it between our check and our write.
    if (error instanceof MandateRefTaken || isMandateRefTaken(error)) return mandateRefInUse(mandateRef);
    throw error;
  });
  return 'kind' in outcome ? outcome : replayOf(dependencies, outcome, requestHash);
}

class MandateRefTaken extends Error {}

async function replayOf(dependencies: ContractDependencies, seen: IdempotencyRecord, requestHash: string): Promise<CreateContractResult> {
  if (seen.requestHash !== requestHash) {
    return { kind: 'key-reused', message: `Idempotency-Key ${seen.idempotencyKey} was already used for a different request (contract ${seen.contractRef}).` };
  }
  // The key was claimed by this very client (keys are per client), for a contract it could create.
  const contract = await findContract(dependencies.db, seen.contractRef, ALL_CUSTOMERS);
  if (!contract) throw new Error(`contract ${seen.contractRef} of idempotency key ${seen.idempotencyKey} is missing`);
  return { kind: 'replayed', contract };
}

