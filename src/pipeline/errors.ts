/**
 * The one error the pipeline throws on purpose: a mistake in what the user gave it
 * (a bad date, an unknown timezone, empty or binary text). Callers show `message` as is.
 * Problems inside the text itself are never thrown; they become `Warning`s.
 *
 * @example
 * throw new InputError('bad-timezone', `unknown timezone: ${tz}`);
 */
export class InputError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = 'InputError';
    this.code = code;
  }
}

/** True for errors the user can fix; anything else is a bug in this project. */
export function isInputError(error: unknown): error is InputError {
  return error instanceof InputError;
}
