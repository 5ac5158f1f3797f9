import { describe, expect, it } from 'vitest';
import { clientAddress, parseTrustedProxies } from './client-address.ts';

const trusted = parseTrustedProxies('127.0.0.1, ::1,');

describe('clientAddress', () => {
  it.each([
    ['the forwarded client from a trusted peer', '127.0.0.1', '203.0.113.7', '203.0.113.7'],
    ['the entry the trusted peer appended', '::1', '198.51.100.1, 203.0.113.7', '203.0.113.7'],
    ['the peer when nothing is forwarded', '127.0.0.1', undefined, '127.0.0.1'],
    ['the peer when the forwarded entry is empty', '127.0.0.1', ' ', '127.0.0.1'],
    ['the peer itself when it is not trusted', '192.0.2.9', '203.0.113.7', '192.0.2.9'],
    ['unknown without a socket', undefined, '203.0.113.7', 'unknown'],
  ])('%s', (_name, peer, forwarded, expected) => {
    expect(clientAddress(peer, forwarded, trusted)).toBe(expected);
  });
  it('reads the trusted list as comma-separated addresses', () => {
    expect([...trusted]).toEqual(['127.0.0.1', '::1']);
  });
});
