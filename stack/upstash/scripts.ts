import { createHash } from 'node:crypto';

// Upstash accepts script flags that the Debian Redis (7.0) does not know, such as the
// `allow-key-locking` that @upstash/ratelimit puts on every script. The bridge drops the
// flags Redis would reject and remembers which loaded script stands for which original
// SHA1, so EVALSHA with the hash a client computed itself still finds the script.
const REDIS_FLAGS = new Set(['no-writes', 'allow-oom', 'allow-stale', 'no-cluster', 'allow-cross-slot-keys']);

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

/** The script with its shebang's unknown flags removed (unchanged when it has none). */
export function compatibleScript(script: string): string {
  const m = /^#!lua(?:[ \t]+flags=([^\r\n]*))?(\r?\n)/.exec(script);
  if (!m || m[1] === undefined) return script;
  const kept = m[1]
    .split(',')
    .map((f) => f.trim())
    .filter((f) => REDIS_FLAGS.has(f));
  const shebang = kept.length ? `#!lua flags=${kept.join(',')}` : '#!lua';
  return shebang + m[2] + script.slice(m[0].length);
}

export type ScriptTranslator = {
  /** The command to send to Redis in place of the client's. */
  command(cmd: string[]): string[];
  /** The client's SHA1 for a SCRIPT LOAD reply, so later EVALSHAs use the hash it expects. */
  originalSha(loadedSha: string): string;
};

export function createScriptTranslator(): ScriptTranslator {
  const loadedByOriginal = new Map<string, string>();
  const originalByLoaded = new Map<string, string>();
  const rewrite = (script: string) => {
    const compatible = compatibleScript(script);
    if (compatible !== script) {
      const original = sha1(script);
      const loaded = sha1(compatible);
      loadedByOriginal.set(original, loaded);
      originalByLoaded.set(loaded, original);
    }
    return compatible;
  };
  const mapSha = (sha: string) => loadedByOriginal.get(sha.toLowerCase()) ?? sha;
  return {
    command(cmd) {
      const [name = '', first, ...rest] = cmd;
      const upper = name.toUpperCase();
      if (first === undefined) return cmd;
      if (upper === 'EVAL' || upper === 'EVAL_RO') return [name, rewrite(first), ...rest];
      if (upper === 'EVALSHA' || upper === 'EVALSHA_RO') return [name, mapSha(first), ...rest];
      if (upper === 'SCRIPT' && first.toUpperCase() === 'LOAD' && rest[0] !== undefined) return [name, first, rewrite(rest[0])];
      if (upper === 'SCRIPT' && first.toUpperCase() === 'EXISTS') return [name, first, ...rest.map(mapSha)];
      return cmd;
    },
    originalSha: (loadedSha) => originalByLoaded.get(loadedSha) ?? loadedSha,
  };
}
