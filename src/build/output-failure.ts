/**
 * Failures of the machine rather than of the content or the code: a full disk, a read-only or forbidden folder.
 * Eleventy wraps the file system's error in its own (`originalError`), others use `cause`; the system error is
 * found wherever it sits, so the editor reads what happened instead of a stack.
 */

const CAUSES: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the file system is read-only',
  EACCES: 'permission denied',
  EPERM: 'the operation is not permitted',
};

/** Exit code 4: the build could not write (see EXIT in src/cli/args.ts). */
export class OutputFailureError extends Error {
  override name = 'OutputFailureError';
  constructor(
    message: string,
    readonly code: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The first system error (with a `code` we know) in an error's chain of causes, or null. */
export function systemCause(error: unknown, depth = 0): NodeJS.ErrnoException | null {
  if (!error || typeof error !== 'object' || depth > 10) return null;
  const e = error as NodeJS.ErrnoException & { originalError?: unknown; errors?: unknown[] };
  if (typeof e.code === 'string' && e.code in CAUSES) return e;
  for (const next of [e.cause, e.originalError, ...(Array.isArray(e.errors) ? e.errors : [])]) {
    const found = systemCause(next, depth + 1);
    if (found) return found;
  }
  return null;
}

/** An OutputFailureError naming the cause and the path, or null if `error` is not a file-system failure we know. */
export function outputFailure(error: unknown, shownOutput: string): OutputFailureError | null {
  const cause = systemCause(error);
  if (!cause) return null;
  const where = cause.path ? ` (${cause.path})` : '';
  return new OutputFailureError(
    `Could not write the site to ${shownOutput}/: ${CAUSES[cause.code!]}${where}, ${cause.code}. Nothing was replaced; ${shownOutput}/ is as it was. Free space or fix the folder's permissions, then build again.`,
    cause.code!,
    { cause: error },
  );
}
