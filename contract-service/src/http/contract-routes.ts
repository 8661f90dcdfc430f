import type { Request, Response, Router } from 'express';
import { auditContextOf, customerScopeOf, mountAuditEventRoutes, pageMetadataOf, pageRequestOf, principalOf } from '@boissipay/runtime';
import type { contractApi } from '@boissipay/contracts';
import { changeContract, type ChangeContractResult } from '../app/change-contract';
import { createContract } from '../app/create-contract';
import type { ContractDependencies } from '../app/dependencies';
import { getContract, listContracts } from '../app/read-contracts';
import type { ContractStatus } from '../domain/contract';
import type { LifecycleCommand } from '../domain/lifecycle';
import { contractError, invalidInputError, refusedError } from './contract-errors';
import { applicationOf, mandateInputOf, responseOf, type ContractRequestBody, type ContractResponseBody } from './contract-mapper';

type Schemas = contractApi.components['schemas'];
const BASE = '/v1/contracts';

/**
 * Thin routes: the spec has already checked token, scopes, parameters and body when a
 * handler runs; each maps the request to a use case and its result to a response.
 */
export function mountContractRoutes(router: Router, dependencies: ContractDependencies): void {
  router.post(BASE, async (req: Request, res: Response<ContractResponseBody>) => {
    const result = await createContract(dependencies, {
      application: applicationOf(req.body as ContractRequestBody),
      clientId: principalOf(res).subject,
      idempotencyKey: req.get('idempotency-key'),
      audit: auditContextOf(res),
      scope: customerScopeOf(res),
    });
    switch (result.kind) {
      case 'created':
        res.status(201).location(`${BASE}/${result.contract.contractRef}`).json(responseOf(result.contract));
        return;
      case 'replayed':
        res.status(200).json(responseOf(result.contract));
        return;
      case 'key-reused':
        throw contractError('IDEMPOTENCY_KEY_REUSED', result.message);
      case 'outside-scope':
        throw contractError('FORBIDDEN', result.message);
      case 'invalid':
        throw invalidInputError(result);
      case 'refused':
        throw refusedError(result);
    }
  });

  router.get(BASE, async (req: Request, res: Response<Schemas['ContractsResponse']>) => {
    const page = pageRequestOf(req.query);
    const { contracts, totalItems } = await listContracts(
      dependencies,
      {
        status: stringOf(req.query.status) as ContractStatus | undefined,
        customerRef: stringOf(req.query.customerRef),
        subscriberRef: stringOf(req.query.subscriberRef),
      },
      { offset: page.offset, limit: page.pageSize },
      customerScopeOf(res),
    );
    res.json({ contracts: contracts.map(responseOf), metadata: pageMetadataOf(page, req.originalUrl, contracts.length, totalItems) });
  });

  router.get(`${BASE}/:contractRef`, async (req: Request<{ contractRef: string }>, res: Response<ContractResponseBody>) => {
    const contract = await getContract(dependencies, req.params.contractRef, customerScopeOf(res));
    if (!contract) throw contractError('CONTRACT_NOT_FOUND', `No contract ${req.params.contractRef}.`);
    res.json(responseOf(contract));
  });

  const lifecycleRoute = (method: 'post' | 'put', suffix: string, commandOf: (body: never) => LifecycleCommand) => {
    router[method](`${BASE}/:contractRef${suffix}`, async (req: Request<{ contractRef: string }>, res: Response<ContractResponseBody>) => {
      const target = { contractRef: req.params.contractRef, scope: customerScopeOf(res) };
      // An optional body (activate, reactivate) may be absent altogether.
      const result = await changeContract(dependencies, target, commandOf((req.body ?? {}) as never), auditContextOf(res));
      res.json(responseOf(changedContractOf(result, req.params.contractRef)));
    });
  };
  lifecycleRoute('post', '/activate', (body: Schemas['ChangeReasonRequest']) => ({ type: 'ACTIVATE', reason: body.reason ?? null }));
  lifecycleRoute('post', '/suspend', (body: Schemas['SuspendRequest']) => ({ type: 'SUSPEND', reason: body.reason }));
  lifecycleRoute('post', '/reactivate', (body: Schemas['ChangeReasonRequest']) => ({ type: 'REACTIVATE', reason: body.reason ?? null }));
  lifecycleRoute('post', '/terminate', (body: Schemas['TerminateRequest']) => ({
    type: 'TERMINATE',
    reason: body.reason,
    effectiveDate: body.effectiveDate ?? null,
  }));
  lifecycleRoute('put', '/mandate', ({ reason, ...mandate }: Schemas['ReplaceMandateRequest']) => ({
    type: 'REPLACE_MANDATE',
    mandate: mandateInputOf(mandate),
    reason: reason ?? null,
  }));
  lifecycleRoute('post', '/mandate/revoke', (body: Schemas['RevokeMandateRequest']) => ({ type: 'REVOKE_MANDATE', reason: body.reason }));
  lifecycleRoute('put', '/outstanding-limit', ({ reason, ...limit }: Schemas['OutstandingLimitRequest']) => ({
    type: 'CHANGE_LIMIT',
    limit,
    reason: reason ?? null,
  }));
  lifecycleRoute('put', '/language', (body: Schemas['LanguageRequest']) => ({ type: 'CHANGE_LANGUAGE', language: body.language, reason: body.reason ?? null }));

  mountAuditEventRoutes(router, dependencies.db);
}

function changedContractOf(result: ChangeContractResult, contractRef: string) {
  switch (result.kind) {
    case 'changed':
      return result.contract;
    case 'not-found':
      throw contractError('CONTRACT_NOT_FOUND', `No contract ${contractRef}.`);
    case 'invalid':
      throw invalidInputError(result);
    case 'refused':
      throw refusedError(result);
  }
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
