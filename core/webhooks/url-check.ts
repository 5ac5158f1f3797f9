import { lookup } from 'node:dns/promises';
import { webhookUrlProblem } from '../../openapi/internal/webhook-url.ts';
import { DomainError } from '../errors/domain-error.ts';

// The production rule at registration (openapi/internal/webhook-url.ts), against the system
// resolver. The sender checks again before every attempt.
const resolveAll = async (host: string) => (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);

export async function assertWebhookUrlAllowed(url: string, production: boolean): Promise<void> {
  const problem = await webhookUrlProblem(url, production, resolveAll);
  if (problem) throw new DomainError('url-not-allowed', `url: ${problem}`, { errors: [{ field: 'url', message: problem }] });
}
