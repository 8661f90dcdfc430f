import openapiTS, { astToString } from 'openapi-typescript';
import { pathToFileURL } from 'node:url';

/** OpenAPI document → TypeScript `paths`/`components`/`operations` types (openapi-typescript). */
export async function openapiToTypeScript(specPath: string): Promise<string> {
  const ast = await openapiTS(pathToFileURL(specPath), { alphabetize: true, exportType: true });
  return astToString(ast);
}
