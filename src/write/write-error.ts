/** A problem with the output location or writing to it: exit 1, nothing written. */

/** One entry of the output directory that stops a run, named by its path. */
export interface OutputProblem {
  /** The entry as the user would name it (`<out>/hcl/notes.txt`), or a model file. */
  readonly path: string;
  readonly message: string;
}

/**
 * Printed as `idcgen: <message>`, then one `<path>: <message>` line per problem, so every entry
 * that must move is named at once.
 */
export class WriteError extends Error {
  constructor(
    message: string,
    readonly problems: readonly OutputProblem[] = [],
  ) {
    super(message);
    this.name = 'WriteError';
  }

  /** The lines the CLI prints. */
  lines(): string[] {
    return [`idcgen: ${this.message}`, ...this.problems.map((p) => `${p.path}: ${p.message}`)];
  }
}
