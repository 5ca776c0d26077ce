/**
 * Runs a command-line script's `main`. A failure prints `failure` and the error's message (no stack
 * trace: an operator reads it; `stack` for a developer's tool such as a benchmark) and exits with 1.
 * `exitWhenDone`: exit at once on success too (a database the command started may hold the event
 * loop open).
 */
export function runCommand(main: () => Promise<void>, failure: string, { exitWhenDone = false, stack = false } = {}) {
  main().then(
    () => {
      if (exitWhenDone) process.exit(0);
    },
    (e: unknown) => {
      if (stack) console.error(failure, e);
      else console.error(`${failure}${e instanceof Error ? e.message : String(e)}`);
      process.exit(1);
    },
  );
}
