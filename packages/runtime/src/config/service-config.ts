import { commonVariables, type CommonConfig } from './common-variables';
import type { ServiceIdentity, ValuesOf, Variables } from './variable';

/** A service's own slice of the configuration: who it is and the variables only it reads. */
export interface ServiceConfig<V extends Variables = Variables, TName extends string = string> {
  identity: ServiceIdentity<TName>;
  variables: V;
}

/** What a service sees: the common variables and its own, nothing another service declared. */
export type ConfigOf<S extends ServiceConfig> = CommonConfig & ValuesOf<S['variables']>;

/** Declares a service's slice; a name the runtime already declares is refused, so one variable has one meaning. */
export function defineServiceConfig<const TName extends string, V extends Variables>(identity: ServiceIdentity<TName>, variables: V): ServiceConfig<V, TName> {
  const clashes = Object.keys(variables).filter((name) => name in commonVariables);
  if (clashes.length > 0) throw new Error(`${identity.name} redeclares common variable(s) ${clashes.join(', ')}`);
  return { identity, variables };
}
