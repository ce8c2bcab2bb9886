/** Cache keys of the webhook pages: the endpoint list, and each endpoint's delivery log below it. */
export const webhooksKey = ['admin', 'webhooks'] as const;
export const webhookDeliveriesKey = (id: string) => [...webhooksKey, id, 'deliveries'] as const;
