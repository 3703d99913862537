// The three kinds of failure the CLI distinguishes, caught in one place (main).
import type { Issue } from './core/types.js';

/** Bad input or usage the user can fix; carries every issue found. Exit code 2. */
export class InputError extends Error {
  constructor(
    readonly issues: Issue[],
    message = issues.length === 1 ? '1 problem found' : `${issues.length} problems found`,
  ) {
    super(message);
    this.name = 'InputError';
  }
}

/** A usage mistake with a single plain message. Exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** A check ran fine and found what --fail-on asks to fail on. Exit code 1. */
export class ExitError extends Error {
  constructor(
    readonly code: number,
    message = '',
  ) {
    super(message);
    this.name = 'ExitError';
  }
}

export const EXIT = { ok: 0, failOn: 1, input: 2, internal: 3 } as const;
