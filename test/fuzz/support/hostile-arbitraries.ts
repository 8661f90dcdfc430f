import fc from 'fast-check';
import type { Operation, Parameter, Schema } from './openapi-operations';

/** Strings that broke or could break a service: storage, parsing, dates, ids, injection, size. */
const hostileStrings = fc.constantFrom(
  '\u0000',
  'Train\u0000',
  'Train \ud800',
  '\udc00',
  `urn:uuid:${'6f1c2b9e-3d4a-4c5b-8e7f-0a1b2c3d4e5f'}`,
  '{6f1c2b9e-3d4a-4c5b-8e7f-0a1b2c3d4e5f}',
  '0x10',
  '1e300',
  '-1',
  '0',
  'NaN',
  'Infinity',
  '0099-12-31',
  '0000-01-01',
  '1899-12-31',
  '2026-02-30',
  '9999-12-31T23:59:60Z',
  '../../etc/passwd',
  "' OR 1=1 --",
  '%00',
  '%',
  '%E0%A4%A',
  ' ',
  '',
  'x'.repeat(5_000),
  '﻿BOM',
  'Dvořák Αθήνα Москва 北京',
  '🚆'.repeat(300),
);

const anyString = fc.oneof({ weight: 3, arbitrary: hostileStrings }, fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 20 }));
const hostileNumbers = fc.constantFrom(0, -1, 1e300, -1e300, 2 ** 53, 2 ** 63, 0.1 + 0.2, 1e-300, 123.456789);

function validDate(): fc.Arbitrary<string> {
  return fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10));
}

/** A value for `schema`: often a plausible one, often a hostile or wrongly typed one. */
export function valueFor(schema: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  const wrong = fc.oneof(anyString, hostileNumbers, fc.boolean(), fc.constant(null), fc.constant([]), fc.constant({}));
  if (!schema || depth > 4) return wrong;
  const variants = schema.oneOf ?? schema.anyOf;
  if (variants && variants.length > 0) return fc.oneof(...variants.map((variant) => valueFor(variant, depth + 1)), wrong);
  if (schema.allOf && schema.allOf.length > 0) {
    return valueFor({ ...schema, allOf: undefined, properties: Object.assign({}, ...schema.allOf.map((part) => part.properties ?? {}), schema.properties), required: schema.allOf.flatMap((part) => part.required ?? []) }, depth);
  }
  if (schema.enum) return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...schema.enum) }, wrong);
  const type = Array.isArray(schema.type) ? schema.type.find((candidate) => candidate !== 'null') : schema.type;
  switch (type) {
    case 'string':
      if (schema.format === 'date') return fc.oneof({ weight: 2, arbitrary: validDate() }, hostileStrings);
      if (schema.format === 'uuid') return fc.oneof(fc.uuid(), hostileStrings);
      return fc.oneof({ weight: 2, arbitrary: fc.string({ minLength: 1, maxLength: 12 }) }, anyString, wrong);
    case 'integer':
      return fc.oneof({ weight: 2, arbitrary: fc.integer({ min: -5, max: 100_000 }) }, hostileNumbers, wrong);
    case 'number':
      return fc.oneof({ weight: 2, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) }, hostileNumbers, wrong);
    case 'boolean':
      return fc.oneof(fc.boolean(), wrong);
    case 'array':
      return fc.oneof({ weight: 2, arbitrary: fc.array(valueFor(schema.items, depth + 1), { maxLength: 3 }) }, wrong);
    case 'object': {
      const properties = Object.entries(schema.properties ?? {});
      if (properties.length === 0) return fc.oneof(fc.dictionary(fc.string({ maxLength: 8 }), anyString, { maxKeys: 3 }), wrong);
      const record = fc.record(Object.fromEntries(properties.map(([name, property]) => [name, valueFor(property, depth + 1)])), { requiredKeys: [] });
      const withExtra = fc.tuple(record, fc.string({ minLength: 1, maxLength: 10 }), anyString).map(([value, key, extra]) => ({ ...value, [key]: extra }));
      return fc.oneof({ weight: 4, arbitrary: record }, withExtra, wrong);
    }
    default:
      return wrong;
  }
}

/** Text form of a parameter: what a URL carries. */
function parameterText(parameter: Parameter): fc.Arbitrary<string> {
  return fc.oneof(valueFor(parameter.schema).map((value) => (typeof value === 'string' ? value : JSON.stringify(value) ?? '')), hostileStrings);
}

export interface HostileRequest {
  method: Operation['method'];
  url: string;
  headers: Record<string, string>;
  /** Raw body text, sent as it is (it may be no JSON at all). */
  body?: string;
  authenticated: boolean;
}

const encodeSegment = (text: string) => {
  try {
    return encodeURIComponent(text);
  } catch {
    return encodeURIComponent(text.replace(/[\ud800-\udfff]/g, '')) + '%ED%A0%80';
  }
};
/** JSON with lone surrogates escaped the way a client would write them (JSON.stringify already does). */
const jsonText = (value: unknown) => JSON.stringify(value) ?? 'null';

export function hostileRequestFor(operation: Operation): fc.Arbitrary<HostileRequest> {
  const pathParameters = operation.parameters.filter((parameter) => parameter.in === 'path');
  const queryParameters = operation.parameters.filter((parameter) => parameter.in === 'query');
  const path = fc.tuple(...pathParameters.map(parameterText)).map((values) =>
    pathParameters.reduce((url, parameter, index) => url.replace(`{${parameter.name}}`, encodeSegment(values[index] ?? '')), operation.path),
  );
  const query = fc
    .tuple(
      fc.subarray(queryParameters),
      fc.array(anyString, { minLength: queryParameters.length, maxLength: queryParameters.length }),
      fc.option(fc.tuple(fc.string({ minLength: 1, maxLength: 8 }), anyString), { freq: 5 }),
    )
    .map(([chosen, values, extra]) => {
      const pairs = chosen.map((parameter, index) => `${encodeURIComponent(parameter.name)}=${encodeSegment(values[index] ?? '')}`);
      if (extra) pairs.push(`${encodeSegment(extra[0])}=${encodeSegment(extra[1])}`);
      return pairs.length > 0 ? `?${pairs.join('&')}` : '';
    });
  const body: fc.Arbitrary<string | undefined> = operation.body
    ? fc.oneof(
        { weight: 6, arbitrary: valueFor(operation.body).map(jsonText) },
        fc.constantFrom('{"a": ', '﻿{}', '{"a":1,"a":2}', '[]', 'null', '"text"', '{}', `{"x":"${'y'.repeat(300_000)}"}`),
        fc.string({ maxLength: 30 }),
      )
    : fc.option(fc.constantFrom('{}', '{"a": '), { freq: 4, nil: undefined });
  return fc
    .record({ path, query, body, authenticated: fc.integer({ min: 0, max: 9 }).map((draw) => draw < 8), idempotencyKey: fc.option(anyString, { freq: 3 }) })
    .map(({ path: url, query: search, body: text, authenticated, idempotencyKey }) => ({
      method: operation.method,
      url: `${url}${search}`,
      headers: {
        ...(text !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(idempotencyKey !== null && /^[\x20-\x7e]*$/.test(idempotencyKey) ? { 'idempotency-key': idempotencyKey } : {}),
      },
      body: text,
      authenticated,
    }));
}
