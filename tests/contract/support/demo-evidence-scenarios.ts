import { expect } from 'vitest';
import type { Finding } from '#domain/contracts/findings.ts';
import type { Obligation } from '#domain/contracts/obligations.ts';
import type { Scenario } from './scenarios.ts';
import { signedIn } from './signing-scenarios.ts';

// What the demo shows of findings and obligations (issue 19), read through the API as a
// committee member would: the retail credit rejection as two high findings remediated and
// verified on version 2, the card-fraud conditions as obligations (one confirmed, one due
// within 30 days), and one risk accepted on the LLM assistant.

const today = () => new Date().toISOString().slice(0, 10);
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

export const demoEvidenceScenarios: Scenario[] = [
  {
    name: 'demo: the retail credit rejection is two verified high findings, the card-fraud conditions are obligations, and the assistant carries an accepted risk',
    async run(target) {
      const committee = await signedIn(target, 'committee@example.com');
      const findingsOf = async (id: string) => ((await committee.get(`/api/packages/${id}/findings`)).body as { items: Finding[] }).items;

      const retail = await findingsOf('pkg_retail_credit_pd');
      expect(retail.map((f) => [f.severity, f.status])).toEqual([
        ['high', 'verified'],
        ['high', 'verified'],
      ]);
      for (const finding of retail) {
        expect(finding.versionNumber).toBe(1);
        expect(finding.history.map((e) => [e.to, e.versionNumber])).toEqual([
          ['open', 1],
          ['remediation_proposed', 1],
          ['remediated', 2],
          ['verified', 2],
        ]);
      }

      const obligations = ((await committee.get('/api/packages/pkg_card_fraud_detection/obligations')).body as { items: Obligation[] }).items;
      expect(obligations.map((o) => o.status)).toEqual(['confirmed', 'open']);
      const [fulfilled, open] = obligations;
      expect(fulfilled?.scope).toEqual({ dimension: 'channel', allow: ['card_not_present'] });
      expect(fulfilled?.evidence?.link).toMatch(/^https:\/\//);
      expect(open?.dueOn && open.dueOn > today() && open.dueOn <= inDays(30)).toBe(true);

      const [accepted, ...others] = await findingsOf('pkg_support_assistant_llm');
      expect(others).toEqual([]);
      expect(accepted).toMatchObject({ status: 'risk_accepted', type: 'limitation', acceptance: { role: 'model_risk' } });
      expect((accepted?.acceptance?.expiresOn ?? '') > inDays(30)).toBe(true);
      expect(accepted?.acceptance?.rationale).toMatch(/\S/);
    },
  },
];
