import { describe, expect, it } from 'vitest';
import { createBearerCheck } from './token.ts';

describe('createBearerCheck', () => {
  const check = createBearerCheck('local-upstash-token');
  it.each([
    ['the right bearer', 'Bearer local-upstash-token', true],
    ['a wrong token', 'Bearer local-upstash-tokeX', false],
    ['a prefix of the token', 'Bearer local', false],
    ['a longer token', 'Bearer local-upstash-token-and-more', false],
    ['the token without the scheme', 'local-upstash-token', false],
    ['another scheme', 'Basic local-upstash-token', false],
    ['an empty header', '', false],
    ['no header', undefined, false],
  ])('%s → %s', (_name, header, expected) => expect(check(header)).toBe(expected));
});
