import { describe, expect, it } from 'vitest';
import { hashPassword, needsRehash, verifyPassword } from './password.ts';

const cheap = { N: 1024, r: 8, p: 1 };

describe('password hashing', () => {
  it('verifies the right password and rejects others', async () => {
    const h = await hashPassword('correct horse', cheap);
    expect(h.startsWith('scrypt$1024$8$1$')).toBe(true);
    expect(await verifyPassword('correct horse', h)).toBe(true);
    expect(await verifyPassword('correct horsf', h)).toBe(false);
  });
  it('salts each hash', async () => {
    expect(await hashPassword('x', cheap)).not.toBe(await hashPassword('x', cheap));
  });
  it.each(['', 'bcrypt$1$2', 'scrypt$1024$8$1$', 'scrypt$$$$$', 'scrypt$x$8$1$c2FsdA$a2V5', 'scrypt$1024$8$1$c2FsdA$a2V5$extra'])(
    'rejects malformed stored hash %j',
    async (stored) => {
      expect(await verifyPassword('x', stored)).toBe(false);
    },
  );
});

describe('needsRehash', () => {
  const current = { N: 131072, r: 8, p: 1 };
  it.each([
    ['scrypt$16384$8$1$c2FsdA$a2V5', true],
    ['scrypt$131072$8$1$c2FsdA$a2V5', false],
    ['scrypt$262144$8$1$c2FsdA$a2V5', false],
    ['scrypt$131072$4$1$c2FsdA$a2V5', true],
    ['scrypt$131072$8$0$c2FsdA$a2V5', true],
    ['scrypt$131072$8$2$c2FsdA$a2V5', false],
    ['not a hash', true],
  ])('%s → %s', (stored, expected) => {
    expect(needsRehash(stored, current)).toBe(expected);
  });
});
