// Demo packages for the seed data: four model versions a bank, a hospital system
// and a fintech would submit, in the order they are listed in the product.

import type { PackageContent } from '#domain/contracts/package-content.ts';
import { cardFraudV1 } from './card-fraud.ts';
import { clinicalRiskV1 } from './clinical-risk.ts';
import { retailCreditPdV1, retailCreditPdV2 } from './retail-credit-pd.ts';
import { supportAssistantV1 } from './support-assistant.ts';

export interface DemoPackage {
  modelKey: string;
  versionLabel: string;
  /** Submitted package versions, oldest first (a resubmission follows the version it replaces). */
  versions: PackageContent[];
}

export const demoPackages: DemoPackage[] = [
  { modelKey: 'retail-credit-pd', versionLabel: '4.2.0', versions: [retailCreditPdV1, retailCreditPdV2] },
  { modelKey: 'clinical-deterioration-risk', versionLabel: '2.0.1', versions: [clinicalRiskV1] },
  { modelKey: 'card-fraud-detection', versionLabel: '7.1.0', versions: [cardFraudV1] },
  { modelKey: 'support-assistant-llm', versionLabel: '1.3.0', versions: [supportAssistantV1] },
];

export { cardFraudV1, clinicalRiskV1, retailCreditPdV1, retailCreditPdV2, supportAssistantV1 };
