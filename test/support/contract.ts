import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { SPEC_PATH } from '../../openapi/generate.ts';
import type { Core, Reply } from '../core-harness.ts';

// Test support: checks real responses against the committed openapi.json (JSON Schema 2020-12).
type Doc = { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>> };

const escapePointer = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

export function createContractChecker() {
  const doc = JSON.parse(readFileSync(SPEC_PATH, 'utf8')) as Doc;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  ajv.addSchema({ ...doc, $id: 'openapi' });
  const templates = Object.keys(doc.paths).map((t) => ({ t, re: new RegExp(`^${t.replace(/\{[^}]+\}/g, '[^/]+')}$`) }));
  // Static paths win over templated ones (/products/suggest before /products/{product_id}).
  templates.sort((a, b) => Number(a.t.includes('{')) - Number(b.t.includes('{')));
  const failures: string[] = [];
  let checked = 0;

  async function check(method: string, url: string, res: Response): Promise<void> {
    checked += 1;
    const path = new URL(url).pathname;
    const template = templates.find((x) => x.re.test(path))?.t;
    const what = `${method} ${path} → ${res.status}`;
    const op = template ? doc.paths[template]?.[method.toLowerCase()] : undefined;
    if (!template || !op) return void failures.push(`${what}: not in openapi.json`);
    const response = op.responses[String(res.status)];
    if (!response) return void failures.push(`${what}: status not documented`);
    const type = (res.headers.get('content-type') ?? '').split(';')[0]!.trim();
    if (!response.content) return;
    if (!(type in response.content)) return void failures.push(`${what}: content-type ${type} not documented`);
    const ref = `openapi#/paths/${escapePointer(template)}/${method.toLowerCase()}/responses/${res.status}/content/${escapePointer(type)}/schema`;
    const validate = ajv.getSchema(ref) ?? ajv.compile({ $ref: ref });
    const body: unknown = await res.clone().json();
    if (!validate(body)) failures.push(`${what}: ${ajv.errorsText(validate.errors)}`);
  }

  return {
    /** A fetch for openapi-fetch that checks every response it returns. */
    fetch: async (input: Request): Promise<Response> => {
      const res = await fetch(input);
      await check(input.method, input.url, res);
      return res;
    },
    check,
    failures: () => [...failures],
    checked: () => checked,
  };
}

/** `core.call` whose every reply is also checked against openapi.json (failures gathered in `contract`). */
export const checkedCall =
  (contract: ReturnType<typeof createContractChecker>, core: () => Core) =>
  async (method: string, path: string, opts: Parameters<Core['call']>[2] = {}): Promise<Reply> => {
    const r = await core().call(method, path, opts);
    const body = r.body === null ? null : JSON.stringify(r.body);
    await contract.check(method, core().url + path, new Response(body, { status: r.status, headers: r.headers }));
    return r;
  };
