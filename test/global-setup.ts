import { childEnv, loadConfig } from '../config/index.ts';
import { replicationSlots } from '../stack/status.ts';
import { prepareIsolatedDatabase } from './support/isolated-database.ts';
import { servedState, stateDifferences, uncovered } from './support/served-state.ts';
import { staleSlotsWarning } from './support/stale-slots.ts';
import { testSettings } from './support/settings.ts';

// Runs in vitest's main process, whose environment is still the served one (the test settings
// reach only the test processes, through vitest.config.ts). Prepares the suite's own database
// and fingerprints what `npm start` serves; the teardown fails the run if the suite changed it
// (or anything else did meanwhile: a bench or a shopper on the served stack).
export default async function setup(): Promise<() => Promise<void>> {
  const served = loadConfig();
  const tested = loadConfig(childEnv(testSettings));
  const prepared = await prepareIsolatedDatabase(served, tested);
  const { inserted, updated } = prepared.catalog;
  const stale = staleSlotsWarning('test', tested.POSTGRES_DB, await replicationSlots(tested));
  if (stale) console.warn(stale);
  const before = await servedState(served);
  const notes = uncovered(before);
  console.log(
    `test database ${tested.POSTGRES_DB}: ${prepared.created ? 'created, ' : ''}catalog ${inserted} inserted, ${updated} restored (${prepared.ms} ms); served state recorded${notes.length ? ` (${notes.join('; ')})` : ''}`,
  );
  return async () => {
    const changed = stateDifferences(before, await servedState(served));
    if (changed.length === 0) return;
    // vitest only logs an error thrown by a global teardown; the exit code is how the run fails
    console.error(`FAIL the suite changed what \`npm start\` serves (database ${served.POSTGRES_DB}):\n  ${changed.join('\n  ')}`);
    process.exitCode = 1;
  };
}
