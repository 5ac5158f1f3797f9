import { Hono, type Context } from 'hono';
import type { Redis } from 'ioredis';
import { encodeReply, parseCommand, type Reply } from './encode.ts';
import { createScriptTranslator } from './scripts.ts';

// The subset of Upstash's REST API that @upstash/redis speaks: POST / (one command),
// /pipeline (many, each answered on its own) and /multi-exec (many, atomically).
type Outcome = { result: unknown } | { error: string };

export function createUpstashApp(redis: Redis, token: string): Hono {
  const app = new Hono();
  const expected = `Bearer ${token}`;
  const scripts = createScriptTranslator();

  app.use('*', async (c, next) => {
    const auth = c.req.header('authorization') ?? (c.req.query('_token') ? `Bearer ${c.req.query('_token')}` : undefined);
    if (auth !== expected) return c.json({ error: 'Unauthorized' }, 401);
    await next();
  });

  const base64 = (c: Context) => c.req.header('upstash-encoding')?.toLowerCase() === 'base64';
  const exec = async (cmd: string[], b64: boolean): Promise<Outcome> => {
    try {
      const [name, ...args] = scripts.command(cmd);
      const reply = (await redis.callBuffer(name!, ...args)) as Reply;
      const isScriptLoad = name!.toUpperCase() === 'SCRIPT' && args[0]?.toUpperCase() === 'LOAD';
      return { result: encodeReply(isScriptLoad ? scripts.originalSha(String(reply)) : reply, b64) };
    } catch (e) {
      return { error: (e as Error).message };
    }
  };
  const body = async (c: Context): Promise<unknown> => c.req.json().catch(() => undefined);

  app.post('/', async (c) => {
    const cmd = parseCommand(await body(c));
    if (!cmd) return c.json({ error: 'ERR body must be a JSON array of strings and numbers' }, 400);
    const out = await exec(cmd, base64(c));
    return c.json(out, 'error' in out ? 400 : 200);
  });

  app.post('/pipeline', async (c) => {
    const cmds = await body(c);
    const parsed = Array.isArray(cmds) ? cmds.map(parseCommand) : null;
    if (!parsed || parsed.length === 0 || parsed.some((p) => p === null)) {
      return c.json({ error: 'ERR body must be a JSON array of commands' }, 400);
    }
    const b64 = base64(c);
    const results: Outcome[] = [];
    for (const cmd of parsed as string[][]) results.push(await exec(cmd, b64));
    return c.json(results);
  });

  app.post('/multi-exec', async (c) => {
    const cmds = await body(c);
    const parsed = Array.isArray(cmds) ? cmds.map(parseCommand) : null;
    if (!parsed || parsed.length === 0 || parsed.some((p) => p === null)) {
      return c.json({ error: 'ERR body must be a JSON array of commands' }, 400);
    }
    const b64 = base64(c);
    const multi = redis.multi();
    for (const cmd of parsed as string[][]) {
      const [name, ...args] = scripts.command(cmd);
      multi.callBuffer(name!, ...args);
    }
    try {
      const replies = (await multi.exec()) ?? [];
      return c.json(replies.map(([err, reply]) => (err ? { error: err.message } : { result: encodeReply(reply as Reply, b64) })));
    } catch (e) {
      return c.json({ error: (e as Error).message }, 400);
    }
  });

  app.get('/health', (c) => c.json({ result: 'OK' }));
  app.notFound((c) => c.json({ error: 'ERR unknown endpoint' }, 404));
  return app;
}
