import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** The parts of an OpenAPI document this package reads itself; the validator reads the rest. */
export interface OpenApiDocument {
  openapi: string;
  components?: { securitySchemes?: Record<string, { type?: string; scheme?: string }> };
  [key: string]: unknown;
}

/** Read at start-up so a missing or unparsable spec stops the service instead of its first request. */
export function loadOpenApiSpec(specPath: string): OpenApiDocument {
  const document: unknown = parse(readFileSync(specPath, 'utf8'));
  if (!isOpenApi3(document)) throw new Error(`${specPath} is not an OpenAPI 3 document.`);
  return document;
}

function isOpenApi3(document: unknown): document is OpenApiDocument {
  return typeof document === 'object' && document !== null && /^3\./.test(String((document as { openapi?: unknown }).openapi));
}
