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
