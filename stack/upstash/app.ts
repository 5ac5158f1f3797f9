import { Hono, type Context } from 'hono';
import type { Redis } from 'ioredis';
import { refusal } from './commands.ts';
import { encodeReply, parseCommand, parseCommands, type Reply } from './encode.ts';
import { createScriptTranslator } from './scripts.ts';
import { createBearerCheck } from './token.ts';

// The subset of Upstash's REST API that @upstash/redis speaks: POST / (one command),
// /pipeline (many, each answered on its own) and /multi-exec (many, atomically). The token
// comes only in the Authorization header (a query string ends up in access logs and proxies),
// and only the commands of commands.ts run: anything else is 403, a batch as a whole.
type Outcome = { result: unknown } | { error: string };

export function createUpstashApp(redis: Redis, token: string): Hono {
  const app = new Hono();
  const authorized = createBearerCheck(token);
  const scripts = createScriptTranslator();

  app.use('*', async (c, next) => {
    if (c.req.query('_token') !== undefined) return c.json({ error: 'Unauthorized: send the token as Authorization: Bearer, not in the query string' }, 401);
    if (!authorized(c.req.header('authorization'))) return c.json({ error: 'Unauthorized' }, 401);
    await next();
  });

  const base64 = (c: Context) => c.req.header('upstash-encoding')?.toLowerCase() === 'base64';
  const body = async (c: Context): Promise<unknown> => c.req.json().catch(() => undefined);
  const result = (cmd: string[], reply: Reply, b64: boolean): Outcome => {
    const isScriptLoad = cmd[0]?.toUpperCase() === 'SCRIPT' && cmd[1]?.toUpperCase() === 'LOAD';
    return { result: encodeReply(isScriptLoad ? scripts.originalSha(String(reply)) : reply, b64) };
  };

  app.post('/', async (c) => {
    const cmd = parseCommand(await body(c));
    if (!cmd) return c.json({ error: 'ERR body must be a JSON array of strings and numbers' }, 400);
    const refused = refusal(cmd);
    if (refused) return c.json({ error: refused }, 403);
    try {
      const [name = '', ...args] = scripts.command(cmd);
      return c.json(result(cmd, (await redis.callBuffer(name, ...args)) as Reply, base64(c)));
    } catch (e) {
      return c.json({ error: (e as Error).message }, 400);
    }
  });

  // /pipeline answers each command on its own; /multi-exec runs them in MULTI/EXEC.
  for (const [path, atomic] of [
    ['/pipeline', false],
    ['/multi-exec', true],
  ] as const) {
    app.post(path, async (c) => {
      const cmds = parseCommands(await body(c));
      if (!cmds) return c.json({ error: 'ERR body must be a non-empty JSON array of commands' }, 400);
      const refused = cmds.map(refusal).find((r) => r !== null);
      if (refused) return c.json({ error: refused }, 403);
      const batch = atomic ? redis.multi() : redis.pipeline();
      for (const cmd of cmds) {
        const [name = '', ...args] = scripts.command(cmd);
        batch.callBuffer(name, ...args);
      }
      try {
        const replies = (await batch.exec()) ?? [];
        const b64 = base64(c);
        return c.json(replies.map(([err, reply], i): Outcome => (err ? { error: err.message } : result(cmds[i]!, reply as Reply, b64))));
      } catch (e) {
        return c.json({ error: (e as Error).message }, 400);
      }
    });
  }

  app.get('/health', (c) => c.json({ result: 'OK' }));
  app.notFound((c) => c.json({ error: 'ERR unknown endpoint' }, 404));
  return app;
}
