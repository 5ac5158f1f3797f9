import { describe, expect, it } from 'vitest';
import type { AdminOrdersQuery } from '../../openapi/schemas/admin-orders.ts';
import { DomainError } from '../errors/domain-error.ts';
import { parseAdminOrderFilter } from './admin-filter.ts';

const id = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

describe('parseAdminOrderFilter', () => {
  it.each([
    ['nothing', { limit: 20 }, { statuses: null, from: null, to: null, email: null, after: null, limit: 20 }],
    ['statuses, repeats once', { status: ['paid', 'shipped', 'paid'], limit: 5 }, { statuses: ['paid', 'shipped'], limit: 5 }],
    ['email lower-cased', { email: 'Asha@Example.COM', limit: 20 }, { email: 'asha@example.com' }],
    [
      'a range',
      { created_from: '2026-01-01T00:00:00Z', created_to: '2026-01-02T00:00:00+05:30', limit: 20 },
      { from: '2026-01-01T00:00:00Z', to: '2026-01-02T00:00:00+05:30' },
    ],
    [
      'an empty range (from = to)',
      { created_from: '2026-01-01T00:00:00Z', created_to: '2026-01-01T05:30:00+05:30', limit: 20 },
      { from: '2026-01-01T00:00:00Z' },
    ],
    ['a cursor', { cursor: `1767261600123456_${id}`, limit: 20 }, { after: { micros: '1767261600123456', id } }],
  ])('%s', (_, query, expected) => {
    expect(parseAdminOrderFilter(query as AdminOrdersQuery)).toMatchObject(expected);
  });

  it.each([
    ['from after to', { created_from: '2026-01-02T00:00:00Z', created_to: '2026-01-01T00:00:00Z', limit: 20 }, 'query.created_from'],
    ['from after to across offsets', { created_from: '2026-01-01T06:00:00+05:30', created_to: '2026-01-01T00:00:00Z', limit: 20 }, 'query.created_from'],
    ['a cursor of another list', { cursor: `1767261600123_${id}x`, limit: 20 }, 'query.cursor'],
  ])('refuses %s', (_, query, field) => {
    const attempt = () => parseAdminOrderFilter(query);
    expect(attempt).toThrow(DomainError);
    try {
      attempt();
    } catch (e) {
      expect((e as DomainError).details).toMatchObject({ errors: [{ field }] });
    }
  });
});
