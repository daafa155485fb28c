export { OUTPUT_MARKER, WriteError, writeNewFile, writeOutput } from './write-output';
export { writeFileAtomically } from './write-file';
