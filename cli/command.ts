/** What a CLI command is: the registry (registry.ts) lists these, main.ts dispatches to them. */
export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WriteStream;
  /** Resolves when the user interrupts (Ctrl-C). */
  interrupted?: Promise<void>;
}

export interface Command {
  name: string;
  /** One line for `sv-companion --help`. */
  summary: string;
  /** Full help text for `sv-companion <name> --help` (usage line first). */
  help: string;
  /** Returns the exit code: 0 ok, 2 usage or input error (one line on stderr), others as documented. */
  run(argv: readonly string[], io: CliIo): Promise<number>;
}

/** A user error: printed as one line on stderr, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
