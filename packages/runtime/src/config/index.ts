export { commonVariables, type CommonConfig } from './common-variables';
export { ConfigError, loadConfig } from './load-config';
export { defineServiceConfig, type ConfigOf, type ServiceConfig } from './service-config';
export { settings, variable, type ServiceIdentity, type ValuesOf, type VariableSpec, type Variables } from './variable';
