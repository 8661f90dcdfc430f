import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** A JSON Schema as the specs write it (the subset the arbitraries look at). */
export interface Schema {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
  minimum?: number;
  maximum?: number;
  maxLength?: number;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema: Schema;
}

/** One operation of a spec, with every `$ref` resolved. */
export interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Full path template, base path included: /v1/contracts/{contractRef}. */
  path: string;
  operationId: string;
  parameters: Parameter[];
  body?: Schema;
  /** Every scope the spec's operations require, so a token reaches validation. */
  scopes: string[];
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** Replaces each local `$ref` by what it points to (a cycle is cut after a few levels). */
function resolve(node: unknown, root: unknown, depth = 0): unknown {
  if (Array.isArray(node)) return node.map((item) => resolve(item, root, depth));
  if (typeof node !== 'object' || node === null) return node;
  const ref = (node as { $ref?: unknown }).$ref;
  if (typeof ref === 'string' && ref.startsWith('#/')) {
    if (depth > 8) return {};
    const target = ref
      .slice(2)
      .split('/')
      .reduce<unknown>((current, key) => (current as Record<string, unknown>)?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], root);
    return resolve(target, root, depth + 1);
  }
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, resolve(value, root, depth)]));
}

export function operationsOf(specPath: string): Operation[] {
  const spec = parse(readFileSync(specPath, 'utf8')) as Record<string, unknown>;
  const basePath = new URL((spec.servers as Array<{ url: string }>)[0]?.url ?? 'http://x/').pathname.replace(/\/$/, '');
  const paths = resolve(spec.paths, spec) as Record<string, Record<string, unknown>>;
  const operations: Operation[] = [];
  const scopes = new Set<string>();
  for (const [template, item] of Object.entries(paths)) {
    const shared = (item.parameters as Parameter[] | undefined) ?? [];
    for (const method of METHODS) {
      const operation = item[method] as
        | { operationId: string; parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema: Schema }> }; security?: Array<Record<string, string[]>> }
        | undefined;
      if (!operation) continue;
      for (const requirement of operation.security ?? []) for (const scope of Object.values(requirement).flat()) scopes.add(scope);
      operations.push({
        method,
        path: `${basePath}${template}`,
        operationId: operation.operationId,
        parameters: [...shared, ...(operation.parameters ?? [])],
        body: operation.requestBody?.content?.['application/json']?.schema,
        scopes: [],
      });
    }
  }
  return operations.map((operation) => ({ ...operation, scopes: [...scopes] }));
}
