// The exhaustiveness check names what arrived when a value the types ruled out turns up at run time.
import { expect, it } from 'vitest';
import { assertNever } from './assert-never.ts';

it('throws naming the unexpected value', () => {
  const arrived = { kind: 'newer' } as unknown as never;
  expect(() => assertNever(arrived, 'reply')).toThrow('unexpected reply: {"kind":"newer"}');
});
