import type { Config } from '../config/index.ts';
import { isolatedSettings } from '../test/support/settings.ts';

// Benches measure on a database, topics, index and Redis keys of their own (bench/run.ts sets
// them); run straight with `node bench/x.ts` they would write into what `npm start` serves.
export function assertBenchSettings(cfg: Config): void {
  const expected = isolatedSettings('bench');
  const wrong = Object.entries(expected).filter(([k, v]) => String(cfg[k as keyof Config]) !== v);
  if (wrong.length === 0) return;
  process.stderr.write(`benches run through npm run bench:<name> (bench/run.ts), on their own settings; here ${wrong.map(([k]) => k).join(', ')} differ\n`);
  process.exit(2);
}
