export { emitHcl } from './emit';
