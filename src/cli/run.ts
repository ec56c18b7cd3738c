import { escapeTerminal } from '../diagnostics/reporter.ts';
import { EXIT, UsageError } from './args.ts';

/**
 * Runs a command and turns its outcome into an exit code: 0 clean, 1 content errors, 2 usage errors.
 * Usage errors print a sentence; only a genuine bug prints a stack, labelled as such.
 */
export async function runCli(
  main: (argv: string[]) => Promise<number>,
  /** A command's own expected failures: print them and return an exit code, or return undefined. */
  expected: (error: unknown) => number | undefined = () => undefined,
): Promise<void> {
  quietOnClosedPipe(process.stdout);
  quietOnClosedPipe(process.stderr);
  try {
    process.exitCode = await main(process.argv.slice(2));
  } catch (error) {
    const code = expected(error);
    if (code !== undefined) {
      process.exitCode = code;
      return;
    }
    if (error instanceof UsageError) {
      // The message may quote an argument or a file name, which must not act on the terminal.
      console.error(`${escapeTerminal(error.message)}\nRun with --help for the options.`);
      process.exitCode = EXIT.usage;
      return;
    }
    console.error('Internal error: this is a bug in news-timeline, not in your content. Please report it with this output.');
    console.error(error);
    process.exitCode = EXIT.internal;
  }
}

/** CI services set CI to `true`, `1` or a name; only an explicit `false` or `0` means not CI. */
export function isCI(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env.CI?.trim().toLowerCase();
  return value !== undefined && value !== '' && value !== 'false' && value !== '0';
}

/**
 * A reader that stops early (`| head`) closes the pipe; the next write then fails with EPIPE, which Node throws as an
 * unhandled stream error with a stack. Output nobody reads is not a failure: end quietly with the code so far.
 */
export function quietOnClosedPipe(stream: NodeJS.WriteStream, exit: (code: number) => never = process.exit): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
    throw error;
  });
}
