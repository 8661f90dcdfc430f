import type { RequestHandler } from 'express';
import { ApiError } from '../errors/api-error';
import type { OpenApiDocument } from '../openapi/load-spec';

const DECIMAL_INTEGER = /^-?\d+$/;
const DECIMAL_NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * The validator coerces query strings the way JavaScript does, so `page=0x10`, `1e3` or ` 7`
 * would pass as numbers. Numeric query parameters are written in plain decimal here, as every
 * client library writes them; anything else is a 400.
 */
export function requireDecimalQueryNumbers(spec: OpenApiDocument): RequestHandler {
  const numeric = numericQueryParameters(spec);
  return (req, _res, next) => {
    const query = new URL(req.originalUrl, 'http://localhost').searchParams;
    for (const [name, value] of query) {
      const type = numeric.get(name);
      if (type === 'integer' && !DECIMAL_INTEGER.test(value)) throw notDecimal(name, 'an integer in decimal digits');
      if (type === 'number' && !DECIMAL_NUMBER.test(value)) throw notDecimal(name, 'a decimal number');
    }
    next();
  };
}

function notDecimal(name: string, expected: string): ApiError {
  return new ApiError(400, 'VALIDATION_FAILED', `Query parameter ${name} must be ${expected}.`);
}

type Parameter = { name?: string; in?: string; schema?: { type?: string }; $ref?: string };

/** Query parameter name → numeric type, over every operation (one name keeps one meaning in an API). */
function numericQueryParameters(spec: OpenApiDocument): Map<string, 'integer' | 'number'> {
  const document = spec as { paths?: Record<string, Record<string, unknown>>; components?: { parameters?: Record<string, Parameter> } };
  const resolve = (parameter: Parameter): Parameter =>
    parameter.$ref ? (document.components?.parameters?.[parameter.$ref.split('/').pop() ?? ''] ?? {}) : parameter;
  const numeric = new Map<string, 'integer' | 'number'>();
  for (const item of Object.values(document.paths ?? {})) {
    const operations = Object.values(item).filter((value): value is { parameters?: Parameter[] } => typeof value === 'object' && value !== null);
    const parameters = [...((item as { parameters?: Parameter[] }).parameters ?? []), ...operations.flatMap((operation) => operation.parameters ?? [])];
    for (const parameter of parameters.map(resolve)) {
      const type = parameter.schema?.type;
      if (parameter.in === 'query' && parameter.name && (type === 'integer' || type === 'number')) numeric.set(parameter.name, type);
    }
  }
  return numeric;
}
