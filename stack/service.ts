import type { Config } from '../config/index.ts';

// One local server of the stack. `start` must be idempotent: a healthy running service is left alone.
export type StackService = {
  name: string;
  url(cfg: Config): string;
  install(cfg: Config): Promise<void>;
  start(cfg: Config): Promise<void>;
  stop(cfg: Config): Promise<boolean>;
  pid(cfg: Config): number | null;
  healthy(cfg: Config): Promise<boolean>;
};
