import type { FindingSeverity } from '../contracts/findings.ts';
import type { MonitoringAlert, MonitoringAlertKind } from '../contracts/monitoring.ts';

// What a monitoring alert becomes in the findings register: its severity by kind (the
// operator may change the map, MONITORING_ALERT_SEVERITIES), a title naming metric, value
// and threshold, and a due date.

export const defaultAlertSeverities: Readonly<Record<MonitoringAlertKind, FindingSeverity>> = { performance: 'high', drift: 'medium', data_quality: 'medium' };

const kindNames: Record<MonitoringAlertKind, string> = { drift: 'Drift', performance: 'Performance', data_quality: 'Data quality' };

/** Days to remediate, by severity. */
const daysToRemediate: Record<FindingSeverity, number> = { critical: 7, high: 14, medium: 30, low: 60 };

export function alertFinding(alert: MonitoringAlert, severities: Readonly<Record<MonitoringAlertKind, FindingSeverity>>, today: string): { title: string; description: string; severity: FindingSeverity; dueDate: string } {
  const severity = severities[alert.kind];
  const title = `${kindNames[alert.kind]} alert: ${alert.metric} ${alert.value} breached threshold ${alert.threshold}`.slice(0, 200);
  const description = `${alert.source} reported a ${kindNames[alert.kind].toLowerCase()} breach observed at ${alert.observedAt}: ${alert.metric} was ${alert.value} against a threshold of ${alert.threshold}. The approval is under re-review.`;
  const due = new Date(`${today}T00:00:00.000Z`);
  due.setUTCDate(due.getUTCDate() + daysToRemediate[severity]);
  return { title, description, severity, dueDate: due.toISOString().slice(0, 10) };
}
