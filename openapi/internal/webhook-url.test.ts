import { describe, expect, it } from 'vitest';
import { isPublicAddress, webhookUrlFormProblem, webhookUrlProblem } from './webhook-url.ts';

const noLookup = async (host: string): Promise<string[]> => {
  throw new Error(`unexpected lookup of ${host}`);
};
const resolvesTo =
  (table: Record<string, string[]>) =>
  async (host: string): Promise<string[]> => {
    const found = table[host];
    if (!found) throw new Error(`ENOTFOUND ${host}`);
    return found;
  };

describe('isPublicAddress', () => {
  it.each([
    ['public IPv4', '93.184.216.34'],
    ['public IPv4 next to 10/8', '11.0.0.1'],
    ['just outside 172.16/12', '172.32.0.1'],
    ['just outside CGNAT', '100.128.0.1'],
    ['public IPv6', '2606:2800:220:1:248:1893:25c8:1946'],
    ['public IPv6 in brackets', '[2001:4860:4860::8888]'],
    ['IPv4-mapped public', '::ffff:93.184.216.34'],
    ['NAT64 of a public IPv4', '64:ff9b::5db8:d822'],
  ])('%s (%s) is public', (_what, address) => expect(isPublicAddress(address)).toBe(true));

  it.each([
    ['loopback', '127.0.0.1'],
    ['loopback, anywhere in 127/8', '127.255.1.2'],
    ['private 10/8', '10.0.0.1'],
    ['private 172.16/12', '172.16.0.1'],
    ['private 172.16/12, top', '172.31.255.255'],
    ['private 192.168/16', '192.168.1.1'],
    ['link-local / cloud metadata', '169.254.169.254'],
    ['CGNAT 100.64/10', '100.64.0.1'],
    ['CGNAT 100.64/10, top', '100.127.255.255'],
    ['unspecified', '0.0.0.0'],
    ['this network 0/8', '0.1.2.3'],
    ['broadcast', '255.255.255.255'],
    ['multicast', '224.0.0.1'],
    ['documentation TEST-NET-1', '192.0.2.1'],
    ['reserved 240/4', '240.0.0.1'],
    ['IPv6 loopback', '::1'],
    ['IPv6 loopback in brackets', '[::1]'],
    ['IPv6 unspecified', '::'],
    ['IPv6 unique-local fc00::/7', 'fd12:3456::1'],
    ['IPv6 unique-local fc00::', 'fc00::1'],
    ['IPv6 link-local', 'fe80::1'],
    ['IPv6 link-local with zone', 'fe80::1%eth0'],
    ['IPv6 multicast', 'ff02::1'],
    ['IPv4-mapped loopback', '::ffff:127.0.0.1'],
    ['IPv4-mapped loopback, hex form', '::ffff:7f00:1'],
    ['IPv4-mapped private', '::ffff:10.0.0.1'],
    ['IPv4-mapped link-local', '::ffff:169.254.169.254'],
    ['RFC 6145 translated loopback', '::ffff:0:127.0.0.1'],
    ['NAT64 of loopback', '64:ff9b::7f00:1'],
    ['6to4 tunnel (may carry any IPv4)', '2002:7f00:1::1'],
    ['Teredo tunnel', '2001:0:4136:e378:8000:63bf:3fff:fdd2'],
    ['not an address', 'example.com'],
    ['empty', ''],
  ])('%s (%s) is not public', (_what, address) => expect(isPublicAddress(address)).toBe(false));
});

describe('webhookUrlFormProblem', () => {
  it.each([
    ['https in production', 'https://hooks.example.com/in', true, null],
    ['http outside production', 'http://127.0.0.1:9000/hook', false, null],
    ['http in production', 'http://hooks.example.com/in', true, 'must be https'],
    ['not a URL', 'hooks.example.com/in', false, 'must be an absolute URL'],
    ['ftp', 'ftp://hooks.example.com/in', false, 'must be an http or https URL'],
    ['javascript', 'javascript:alert(1)', false, 'must be an http or https URL'],
  ])('%s', (_what, url, production, problem) => expect(webhookUrlFormProblem(url, production)).toBe(problem));
});

describe('webhookUrlProblem', () => {
  const dns = resolvesTo({
    'hooks.example.com': ['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946'],
    localhost: ['127.0.0.1', '::1'],
    'mixed.example.com': ['93.184.216.34', '10.0.0.7'],
    'empty.example.com': [],
  });

  it.each([
    ['a public host', 'https://hooks.example.com/in', null],
    ['a public IPv4 literal', 'https://93.184.216.34/in', null],
    ['a public IPv6 literal', 'https://[2606:2800:220:1:248:1893:25c8:1946]/in', null],
    ['http', 'http://hooks.example.com/in', 'must be https'],
    ['loopback literal', 'https://127.0.0.1/in', 'resolves to 127.0.0.1'],
    ['loopback as a decimal number', 'https://2130706433/in', 'resolves to 127.0.0.1'],
    ['loopback in hex parts', 'https://0x7f.1/in', 'resolves to 127.0.0.1'],
    ['private literal', 'https://10.0.0.1/in', 'resolves to 10.0.0.1'],
    ['IPv6 loopback literal', 'https://[::1]/in', 'resolves to ::1'],
    ['IPv4-mapped loopback literal', 'https://[::ffff:127.0.0.1]/in', 'resolves to ::ffff:7f00:1'],
    ['cloud metadata', 'https://169.254.169.254/latest/meta-data', 'resolves to 169.254.169.254'],
    ['a name resolving to loopback', 'https://localhost/in', 'resolves to 127.0.0.1'],
    ['a name with one private address among public ones', 'https://mixed.example.com/in', 'resolves to 10.0.0.7'],
    ['a name that does not resolve', 'https://nowhere.example.com/in', 'host nowhere.example.com does not resolve'],
    ['a name with no addresses', 'https://empty.example.com/in', 'host empty.example.com does not resolve'],
  ])('in production, %s', async (_what, url, problem) => {
    const answer = await webhookUrlProblem(url, true, dns);
    if (problem === null) expect(answer).toBeNull();
    else expect(answer).toContain(problem);
  });

  it.each([
    ['loopback http', 'http://127.0.0.1:9000/hook'],
    ['localhost', 'http://localhost:9000/hook'],
    ['IPv6 loopback', 'http://[::1]:9000/hook'],
  ])('outside production, %s is allowed without a lookup', async (_what, url) => expect(await webhookUrlProblem(url, false, noLookup)).toBeNull());

  it('refuses a bad form before any lookup', async () => expect(await webhookUrlProblem('ftp://x/', true, noLookup)).toBe('must be an http or https URL'));
});
