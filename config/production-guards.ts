import { mentionsDevKey } from './dev-keys.ts';
import { envSchema, type Env } from './schema.ts';

// What a service refuses to start with in production (NODE_ENV=production): a secret that is a
// default of config/schema.ts, a well-known placeholder, or too short to resist guessing, and a
// JWT key setting holding the committed development key. Each service names the secrets it uses.
export type SecretSetting =
  | 'JWT_PRIVATE_KEY'
  | 'JWT_PUBLIC_KEYS'
  | 'UPSTASH_REDIS_REST_TOKEN'
  | 'RATE_LIMIT_REDIS_REST_TOKEN'
  | 'POSTGRES_PASSWORD'
  | 'ADMIN_PASSWORD';
export type UnsafeSetting = { setting: SecretSetting; reason: string };

const MIN_SECRET_BYTES = 32;
// The old HS256 default and the placeholders people type; compared ignoring case.
const KNOWN_SECRETS = new Set([
  'local-dev-jwt-secret-change-me',
  'local-upstash-token',
  'local-ratelimit-token',
  'commerce',
  'postgres',
  'password',
  'secret',
  'changeme',
  'change-me',
  'admin',
  'token',
  'test',
  '123456',
  '12345678',
]);

const defaultOf = (setting: SecretSetting): unknown => envSchema.shape[setting].safeParse(undefined).data;

function secretProblem(setting: SecretSetting, value: string, minBytes: number): string | null {
  if (value === defaultOf(setting)) return 'is the default of config/schema.ts';
  if (KNOWN_SECRETS.has(value.toLowerCase()) || /change.?me/i.test(value)) return 'is a well-known placeholder';
  if (new TextEncoder().encode(value).length < minBytes) return `is shorter than ${minBytes} bytes`;
  return null;
}

function problemOf(env: Env, setting: SecretSetting): string | null {
  const value = env[setting];
  if (value === undefined) return null;
  switch (setting) {
    case 'JWT_PRIVATE_KEY':
      return mentionsDevKey(value) ? 'is the committed development key' : null;
    case 'JWT_PUBLIC_KEYS':
      return mentionsDevKey(value) ? 'trusts the committed development key' : null;
    case 'ADMIN_PASSWORD':
      return secretProblem(setting, value, 0);
    default:
      return secretProblem(setting, value, MIN_SECRET_BYTES);
  }
}

/** The secrets among `uses` a production service must not run with; none outside production. */
export function unsafeSettings(env: Env, uses: readonly SecretSetting[]): UnsafeSetting[] {
  if (env.NODE_ENV !== 'production') return [];
  return uses.flatMap((setting) => {
    const reason = problemOf(env, setting);
    return reason ? [{ setting, reason }] : [];
  });
}

/** One line naming every unsafe setting, or null when there is none. */
export function unsafeStartMessage(env: Env, uses: readonly SecretSetting[]): string | null {
  const unsafe = unsafeSettings(env, uses);
  if (unsafe.length === 0) return null;
  return `refusing to run in production: ${unsafe.map((u) => `${u.setting} ${u.reason}`).join('; ')}`;
}
