import type { PackageEventSubscriber } from './publish.ts';
import { enqueueRegistryWriteBacks } from '../registries/write-back-outbox.ts';
import { enqueueWebhookEvents } from '../webhooks/outbox.ts';

// Who acts on package events (a composition point, like api/routes.ts): the registry a package
// came from is written back to, and subscribed endpoints get a delivery. In this order.
export const packageEventSubscribers: readonly PackageEventSubscriber[] = [enqueueRegistryWriteBacks, enqueueWebhookEvents];
