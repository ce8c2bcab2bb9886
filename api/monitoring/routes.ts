import { monitoringAlertResultSchema } from '#domain/contracts/monitoring.ts';
import { registryWebhookBodySchema } from '#domain/contracts/registries.ts';
import { route, kb } from '../kernel/route-def.ts';

// Monitoring alert intake (decision record 0110): proven by its Standard Webhooks signature,
// not a session. The body is read leniently here and validated after the signature verifies.

export const monitoringRoutes = {
  receiveMonitoringAlert: route({
    id: 'receiveMonitoringAlert',
    method: 'POST',
    path: '/api/monitoring/alerts',
    summary: 'Monitoring alert intake (Standard Webhooks HMAC): a drift, performance or data-quality breach opens a finding on the approved package and puts its approval under re-review, once per webhook-id',
    access: { kind: 'public' },
    params: null,
    query: null,
    body: registryWebhookBodySchema,
    maxBodyBytes: 64 * kb,
    successStatus: 200,
    response: monitoringAlertResultSchema,
  }),
};
