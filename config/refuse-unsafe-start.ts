import type { Env } from './schema.ts';
import { unsafeStartMessage, type SecretSetting } from './production-guards.ts';

/** For Node entries, first thing at start: in production with an unsafe secret, say which and exit 78 (EX_CONFIG). */
export function refuseUnsafeStart(env: Env, service: string, uses: readonly SecretSetting[]): void {
  const message = unsafeStartMessage(env, uses);
  if (!message) return;
  process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level: 'error', service, msg: message })}\n`);
  process.exit(78);
}
