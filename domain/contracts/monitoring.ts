import { z } from 'zod';

// Alerts from monitoring tools (drift, performance, data quality), delivered as Standard
// Webhooks (decision record 0110). The body names the approved model by its model key and
// version label, or by the package id.

export const monitoringAlertKindSchema = z.enum(['drift', 'performance', 'data_quality'], { error: 'The kind is drift, performance or data_quality' });
export type MonitoringAlertKind = z.infer<typeof monitoringAlertKindSchema>;

export const monitoringAlertSchema = z
  .strictObject({
    packageId: z.string().min(1).max(64).optional(),
    model: z.strictObject({ key: z.string().trim().min(1).max(200), version: z.string().trim().min(1).max(64) }).optional(),
    kind: monitoringAlertKindSchema,
    metric: z.string().trim().min(1, 'Name the metric that breached').max(200),
    value: z.number({ error: 'The observed value is a number' }),
    threshold: z.number({ error: 'The threshold is a number' }),
    observedAt: z.iso.datetime({ offset: true, error: 'When the breach was observed, as an ISO 8601 date-time' }),
    source: z.string().trim().min(1, 'Name the monitoring tool').max(200),
  })
  .check((ctx) => {
    if (!ctx.value.packageId && !ctx.value.model) ctx.issues.push({ code: 'custom', path: ['model'], message: 'Name the model (key and version) or give packageId', input: ctx.value });
  });
export type MonitoringAlert = z.infer<typeof monitoringAlertSchema>;

/** The intake's answer; a replay of the same webhook-id answers the same. */
export const monitoringAlertResultSchema = z.object({
  alertId: z.string(),
  packageId: z.string(),
  findingId: z.string(),
  /** The approvals of the approved version flagged as under re-review by this alert (not those flagged before). */
  reReviewDecisions: z.array(z.string()),
});
export type MonitoringAlertResult = z.infer<typeof monitoringAlertResultSchema>;
