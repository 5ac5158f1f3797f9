import { createHash, timingSafeEqual } from 'node:crypto';

// The bearer check in constant time: both sides are hashed to equal-length digests first, so
// neither the comparison nor an early length mismatch tells a caller how much of a guess was right.
const digest = (text: string) => createHash('sha256').update(text).digest();

export function createBearerCheck(token: string): (authorization: string | undefined) => boolean {
  const expected = digest(`Bearer ${token}`);
  return (authorization) => timingSafeEqual(digest(authorization ?? ''), expected) && authorization !== undefined;
}
