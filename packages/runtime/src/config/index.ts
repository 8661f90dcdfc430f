export { catalogue, type Config, type VariableName, type VariableSpec } from './catalogue';
export { ConfigError, loadConfig } from './load-config';
export { serviceDefaults, serviceNames, type ServiceName } from './services';
