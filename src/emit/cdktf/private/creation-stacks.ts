/**
 * cdktf records a complete stack trace (with `Error.stackTraceLimit` raised to the maximum) for
 * every token and every nested-block reference it creates, only to say where a token was made if
 * it later fails to resolve. An enterprise model creates about a million of them: formatting them
 * took ~20 s, and since cdktf's token map is global and never cleared, their frame strings (a few
 * KB each) stayed on the heap for good, over 1 GB of it.
 *
 * While `run` builds and synthesizes, V8's `prepareStackTrace` hook formats every trace as '', so
 * cdktf keeps empty ones. Errors keep their messages (all the CLI prints); V8 formats an error's
 * stack when it is first read, so one read after `run` returns still has its frames.
 * @see https://v8.dev/docs/stack-trace-api#customizing-stack-traces
 */
export function withoutCreationStacks<T>(run: () => T): T {
  const previous = Error.prepareStackTrace;
  Error.prepareStackTrace = () => '';
  try {
    return run();
  } finally {
    Error.prepareStackTrace = previous;
  }
}
