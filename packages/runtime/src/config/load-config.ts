import { commonVariables } from './common-variables';
import type { ConfigOf, ServiceConfig } from './service-config';
import type { ServiceIdentity, VariableSpec } from './variable';

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

function defaultOf(spec: VariableSpec, service: ServiceIdentity, production: boolean): string | undefined {
  if (spec.default === undefined || (production && spec.productionDefault === false)) return undefined;
  return typeof spec.default === 'function' ? spec.default(service) : spec.default;
}

/**
 * Parses the environment once for a service: the common variables and the service's own slice.
 * Every problem is collected and reported together, each naming its variable, so a bad
 * deployment fails at start-up with one clear message instead of later at the first request.
 */
export function loadConfig<S extends ServiceConfig>(service: S, env: Env = process.env): ConfigOf<S> {
  const production = env.NODE_ENV === 'production';
  const problems: string[] = [];
  const values: Record<string, unknown> = {};

  for (const [name, spec] of Object.entries({ ...commonVariables, ...service.variables }) as [string, VariableSpec][]) {
    const raw = env[name] ?? defaultOf(spec, service.identity, production);
    if (raw === undefined) {
      if (!isSatisfiedElsewhere(name, env)) problems.push(`${name} is required: ${spec.description}`);
      continue;
    }
    const parsed = spec.schema.safeParse(raw);
    if (parsed.success) values[name] = parsed.data;
    else problems.push(`${name}=${spec.secret ? '***' : JSON.stringify(raw)} is invalid: ${parsed.error.issues.map((issue) => issue.message).join('; ')}`);
  }

  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(values) as ConfigOf<S>;
}

/** A production deployment may verify tokens with a JWKS URL instead of a shared secret. */
function isSatisfiedElsewhere(name: string, env: Env): boolean {
  return name === 'AUTH_JWT_SECRET' && Boolean(env.AUTH_JWKS_URL);
}
