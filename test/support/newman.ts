import newman, { type NewmanRunSummary } from 'newman';

// The one module that drives newman: runs a Postman collection file with an environment and
// answers each request's outcome and every failed assertion, with the reply that failed it.
export type StepOutcome = { name: string; status: number | undefined; ms: number | undefined; idempotencyKey: string | undefined };
export type CollectionRun = { steps: StepOutcome[]; assertions: number; failures: string[]; environment: Record<string, string> };

const values = (environment: Record<string, string>) => Object.entries(environment).map(([key, value]) => ({ key, value, enabled: true }));

function outcome(summary: NewmanRunSummary): CollectionRun {
  const steps = summary.run.executions.map((e) => ({
    name: e.item.name,
    status: e.response?.code,
    ms: e.response?.responseTime,
    idempotencyKey: e.request.headers.get('idempotency-key') ?? undefined,
  }));
  const failures = summary.run.failures.map((f) => {
    const execution = summary.run.executions.find((e) => e.item.name === f.source?.name);
    const reply = execution?.response ? ` ← ${execution.response.code} ${(execution.response.text() ?? '').slice(0, 500)}` : '';
    return `${f.source?.name ?? f.at}: ${f.error.test ?? f.error.name}: ${f.error.message}${reply}`;
  });
  return {
    steps,
    assertions: summary.run.stats.assertions.total ?? 0,
    failures,
    environment: summary.environment.toObject(false, false) as Record<string, string>,
  };
}

export function runCollection(collectionPath: string, environment: Record<string, string>, timeoutMs = 60_000): Promise<CollectionRun> {
  return new Promise((resolve, reject) => {
    newman.run(
      { collection: collectionPath, environment: { name: 'test', values: values(environment) }, reporters: [], timeout: timeoutMs, timeoutRequest: 15_000 },
      (err, summary) => (err ? reject(err) : resolve(outcome(summary))),
    );
  });
}
