import { describe, expect, it } from 'vitest';
import type { Role } from '../../openapi/schemas/auth.ts';
import { isSelfDemotion } from './role-change.ts';

const me = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const other = '0f8fad5b-d9cb-469f-a165-70867728950e';

describe('isSelfDemotion', () => {
  it.each<[string, string, Role, boolean]>([
    [me, me, 'customer', true],
    [me, me, 'catalog', true],
    [me, me, 'support', true],
    [me, me, 'admin', false],
    [me, other, 'customer', false],
    [me, other, 'admin', false],
  ])('%s sets %s to %s: %s', (actorId, userId, to, refused) => {
    expect(isSelfDemotion({ actorId, userId, to })).toBe(refused);
  });
});
