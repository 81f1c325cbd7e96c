// What every route and domain function works with: the database, its
// repositories, the clock and the webhook outbox. Built once in app.ts.
import type { Db } from './db/open';
import type { Clock } from './lib/clock';
import type { Repositories } from './repositories';

export interface SandboxContext {
  db: Db;
  repos: Repositories;
  clock: Clock;
  /** Tells the webhook worker that rows were added (called after the writing transaction). */
  kickWebhooks(): void;
}
