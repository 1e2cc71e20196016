// Idempotency keys: the same payload hashes the same whatever the order of its keys.
import { describe, expect, it } from 'vitest';
import { canonicalJson, payloadHash } from './actions.js';

describe('idempotency keys', () => {
  it('hashes the same payload the same whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: [3, { f: 1, e: 2 }] } })).toBe(
      '{"a":{"c":[3,{"e":2,"f":1}],"d":2},"b":1}',
    );
    expect(payloadHash(1, 2, { a: 1, b: 'x' })).toBe(payloadHash(1, 2, { b: 'x', a: 1 }));
    expect(payloadHash(1, 2, { a: 1 })).not.toBe(payloadHash(1, 3, { a: 1 }));
  });
});
