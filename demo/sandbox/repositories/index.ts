// All repositories over one database, built once per app.
import type { Db } from '../db/open';
import { apiTokensRepository } from './api-tokens';
import { certificationsRepository } from './certifications';
import { consoleSessionsRepository } from './console-sessions';
import { customersRepository } from './customers';
import { merchantsRepository } from './merchants';
import { paymentCancellationsRepository } from './payment-cancellations';
import { paymentPreparesRepository } from './payment-prepares';
import { paymentsRepository } from './payments';
import { pgChannelsRepository } from './pg-channels';
import { redirectSessionsRepository } from './redirect-sessions';
import { tiersRepository } from './tiers';
import { webhookDeliveriesRepository } from './webhook-deliveries';

export function createRepositories(db: Db) {
  return {
    merchants: merchantsRepository(db),
    consoleSessions: consoleSessionsRepository(db),
    apiTokens: apiTokensRepository(db),
    tiers: tiersRepository(db),
    channels: pgChannelsRepository(db),
    prepares: paymentPreparesRepository(db),
    payments: paymentsRepository(db),
    cancellations: paymentCancellationsRepository(db),
    customers: customersRepository(db),
    certifications: certificationsRepository(db),
    redirectSessions: redirectSessionsRepository(db),
    webhookDeliveries: webhookDeliveriesRepository(db),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
