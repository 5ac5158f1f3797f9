import type { Context } from 'hono';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';

// Two checks on every storefront form post: the browser says it comes from this site (Origin or
// Sec-Fetch-Site, hono/csrf), and, with a session, the form carries the session's token (the
// double submit: a forged form cannot know the HttpOnly cookie's value).
export type CsrfVerdict = 'ok' | 'foreign-origin' | 'bad-token';

/** Pure: the verdict from what was checked. A guest has no session to ride, so the origin suffices. */
export function csrfVerdict(input: { sameOrigin: boolean; sessionToken: string | null; formToken: string | undefined }): CsrfVerdict {
  if (!input.sameOrigin) return 'foreign-origin';
  if (input.sessionToken === null) return 'ok';
  return input.sessionToken !== '' && input.formToken === input.sessionToken ? 'ok' : 'bad-token';
}

const originCheck = csrf();

export async function sameOrigin(c: Context): Promise<boolean> {
  try {
    await originCheck(c, async () => {});
    return true;
  } catch (e) {
    if (e instanceof HTTPException && e.status === 403) return false;
    throw e;
  }
}
