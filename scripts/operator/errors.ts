/** How the operator commands read SDK errors: name, message, "not implemented" (an emulator's gap), "not found". */

/** Error name (or Code) of an SDK error. */
export function errorName(e: unknown): string {
  const err = e as { name?: string; Code?: string };
  return err?.name ?? err?.Code ?? 'Error';
}

/** An operation the endpoint does not implement (moto: "The X action has not been implemented"). */
export function isNotImplemented(e: unknown): boolean {
  return errorName(e) === 'NotImplemented' || /not (been )?implemented/i.test(errorMessage(e));
}

export function errorMessage(e: unknown): string {
  return (e as { message?: string })?.message ?? String(e);
}

/** A lookup by name that found nothing (IAM NoSuchEntity, S3 404, ...). */
export function isNotFound(e: unknown): boolean {
  return /NoSuchEntity|NotFound|ResourceNotFound|does not exist|NoSuchBucket|404/i.test(
    `${errorName(e)} ${errorMessage(e)} ${(e as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode ?? ''}`,
  );
}

/** How a guarded read ended: done, nothing there (when the caller says what "absent" looks like), an endpoint gap, or an error. */
export type ReadOutcome =
  | { readonly kind: 'done' }
  | { readonly kind: 'absent' | 'not-implemented' | 'error'; readonly error: unknown };

/**
 * Runs one read so that its failure is an answer, never a crash of the whole command: verify turns
 * the outcome into a row, leftovers into a skipped lookup, each the way its report needs.
 */
export async function guardedRead(read: () => Promise<void>, isAbsent: (e: unknown) => boolean = () => false): Promise<ReadOutcome> {
  try {
    await read();
    return { kind: 'done' };
  } catch (e) {
    if (isAbsent(e)) return { kind: 'absent', error: e };
    return { kind: isNotImplemented(e) ? 'not-implemented' : 'error', error: e };
  }
}
