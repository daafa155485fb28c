export { emitHcl, hclModuleCalls } from './emit';
export { HCL_MODULES, moduleSource, type HclModule, type HclModuleCall } from './module-calls';
