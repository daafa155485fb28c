export { writeNewFile, writeOutput, type WriteOptions } from './write-output';
export { writeFileAtomically, writeFilesAtomically } from './write-file';
export { writeCdktfOutdir } from './cdktf-outdir';
export { WriteError, type OutputProblem } from './write-error';
export { OUTPUT_MARKER, isTerraformWorkingFile, type PreviousOutput } from './manifest';
export { inspectOutput, type InspectOptions, type OutputInspection, type WorkingEntry } from './inspect-output';
export { recoverInterruptedWrites, tempPrefix } from './interrupted-output';
export { orphanedStates, orphanedStateMessage, type OrphanedState } from './state-orphans';
export { statusLine, type StatusLine, type TerminalStream } from './status-line';
