import { validate as isCronExpression } from 'node-cron';
import { z } from 'zod';

/** Who a service is on a developer's machine: the defaults of its port and database hang off it. */
export interface ServiceIdentity<TName extends string = string> {
  name: TName;
  /** Local HTTP port (PORT's default). */
  port: number;
  /** Local PostgreSQL database (DATABASE_URL's default). */
  database: string;
}

/**
 * One environment variable, with its meaning and default. A variable without a default is
 * required; `productionDefault: false` drops the local default when NODE_ENV=production so that
 * a forgotten secret stops start-up instead of running insecurely.
 */
export interface VariableSpec<S extends z.ZodType = z.ZodType> {
  description: string;
  schema: S;
  default?: string | ((service: ServiceIdentity) => string);
  secret?: boolean;
  productionDefault?: false;
}

export type Variables = Record<string, VariableSpec>;
export type ValuesOf<V extends Variables> = { readonly [K in keyof V]: z.output<V[K]['schema']> };

export const variable = <S extends z.ZodType>(spec: VariableSpec<S>): VariableSpec<S> => spec;

/** The value shapes the services' variables share. */
export const settings = {
  port: z.coerce.number().int().min(0).max(65535),
  positiveInt: z.coerce.number().int().positive(),
  nonNegativeInt: z.coerce.number().int().min(0),
  flag: z.enum(['true', 'false'], 'true or false').transform((value) => value === 'true'),
  csv: z.string().transform((value) =>
    value
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean),
  ),
  cronExpression: z.string().refine((value) => isCronExpression(value), 'a cron expression such as "0 * * * *"'),
  timeZone: z.string().refine((value) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: value });
      return true;
    } catch {
      return false;
    }
  }, 'an IANA time zone such as Europe/Paris'),
  optionalUrl: z.union([z.literal('').transform(() => undefined), z.url()]).optional(),
  /** A consumer's name, appended to the service name to form its group id. */
  consumerName: z.string().regex(/^[A-Za-z0-9._-]{1,100}$/, 'letters, digits, dot, dash or underscore'),
};
