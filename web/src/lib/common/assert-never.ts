// The exhaustiveness check at the end of a switch over a union: a compile error when a case is missing.

/** Fails the build when `value` can still be something; throws if an unknown value arrives at run time anyway. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`unexpected ${what}: ${JSON.stringify(value)}`);
}
