// Demo package: Support Assistant 1.3.0, a tier 2 retrieval-augmented LLM assistant
// for customer support, built on a fine-tuned open-weights model.

import type { PackageContent } from '#domain/contracts/package-content.ts';
import { packageSchemaVersion } from '#domain/contracts/package-content.ts';
import type { SectionOfKind } from '#domain/contracts/sections.ts';
import {
  supportChangeSummary,
  supportDesignMarkdown,
  supportHumanOversightMarkdown,
  supportIntendedUseMarkdown,
  supportSecurityMarkdown,
  supportValidationMarkdown,
} from './support-assistant-narratives.ts';

type SubgroupRow = SectionOfKind<'subgroup_table'>['rows'][number];

const identification: SectionOfKind<'identification'> = {
  key: 'identification',
  kind: 'identification',
  title: 'Identification',
  modelKey: 'support-assistant-llm',
  modelName: 'Support Assistant (retrieval-augmented LLM)',
  versionLabel: '1.3.0',
  ownerTeam: 'Conversational AI, Customer Experience Engineering',
  ownerContact: 'owner@example.com',
  riskTier: 2,
  businessLine: 'Customer service',
  modelType: 'generative',
  changeSummary: supportChangeSummary,
};

const trainingData: SectionOfKind<'lineage'> = {
  key: 'training_data',
  kind: 'lineage',
  title: 'Training data provenance',
  datasets: [
    {
      key: 'base-model',
      name: 'Llama 3.1 8B Instruct (base model weights)',
      version: 'meta-llama/Llama-3.1-8B-Instruct, revision pinned by SHA-256 in the model registry',
      location: 's3://cx-ml-models-eu-west-1/base/llama-3.1-8b-instruct/ (mirrored to us-east-1)',
      authorization: 'Llama 3.1 Community License, reviewed by Legal (LGL-OSS-2024-022); the Company is below the license\'s monthly active user threshold. Pretraining data is not disclosed by the publisher.',
      sensitiveAttributes: ['Unknown content of publisher pretraining data'],
      derivedFrom: [],
    },
    {
      key: 'chat-transcripts-raw',
      name: 'Support chat transcripts (in-app and web chat)',
      version: 'Zendesk export 2025-01-10',
      location: 's3://cx-ml-raw-eu-west-1/zendesk-chat/2023-2024/ (EU customers); s3://cx-ml-raw-us-east-1/zendesk-chat/2023-2024/ (other customers)',
      rows: 4_812_330,
      period: '2023-01-01 to 2024-12-31',
      authorization:
        'GDPR Art. 6(1)(f) legitimate interest in improving customer service (legitimate interest assessment LIA-2024-07; DPIA-2024-031 approved by the DPO on 2024-09-18); purpose disclosed in the privacy notice, section 5.3; customers who objected are excluded. US, MX and BR data under the respective privacy notices (LGPD Art. 7, IX for Brazil).',
      sensitiveAttributes: [
        'Names, emails, phone numbers, addresses, IBANs and card numbers in free text',
        'Possible special category data (health, religion) volunteered by customers',
        'Financial hardship and vulnerability disclosures',
      ],
      derivedFrom: [],
      description: 'Raw transcripts are retained 13 months and are not accessible to model developers.',
    },
    {
      key: 'chat-transcripts-redacted',
      name: 'Redacted and filtered transcripts',
      version: 'redacted-2025-01-r2 (redaction pipeline 3.4)',
      location: 's3://cx-ml-curated-eu-west-1/transcripts-redacted/2025-01-r2/ and s3://cx-ml-curated-us-east-1/transcripts-redacted/2025-01-r2/',
      rows: 1_918_444,
      period: '2023-01-01 to 2024-12-31',
      authorization: 'As for the raw transcripts; redaction required by DPIA-2024-031, measure M3.',
      sensitiveAttributes: ['Residual PII missed by redaction (measured recall 99.2%)'],
      derivedFrom: ['chat-transcripts-raw'],
      description:
        'Presidio with custom recognizers (IBAN, card numbers with Luhn check, SSN, DNI and NIE, codice fiscale, CPF, UK National Insurance numbers); names replaced with surrogates. Conversations containing special category or vulnerability content are removed entirely (about 4% of conversations). Conversations of customers who objected to this processing are dropped.',
    },
    {
      key: 'sft-conversations',
      name: 'Supervised fine-tuning set (curated conversations)',
      version: 'sft-1.3-v4',
      location: 's3://cx-ml-curated-eu-west-1/finetune/sft-1.3-v4/ (JSONL)',
      rows: 38_400,
      period: '2023-01-01 to 2024-12-31',
      authorization: 'As for the redacted transcripts.',
      sensitiveAttributes: [],
      derivedFrom: ['chat-transcripts-redacted', 'help-center-articles'],
      description: 'Agent replies rated 5/5 by Quality Assurance, rewritten to cite articles; balanced across the eight locales (minimum 3,200 per locale).',
    },
    {
      key: 'preference-pairs',
      name: 'Preference pairs written by senior agents (DPO)',
      version: 'dpo-1.3-v2',
      location: 's3://cx-ml-curated-eu-west-1/finetune/dpo-1.3-v2/ (JSONL)',
      rows: 6_200,
      period: 'Labelled 2025-01-13 to 2025-02-07',
      authorization: 'Created by employees in the course of their work; no customer data beyond the redacted prompts.',
      sensitiveAttributes: [],
      derivedFrom: ['chat-transcripts-redacted'],
    },
    {
      key: 'help-center-articles',
      name: 'Help-center articles (retrieval corpus)',
      version: 'kb-2025-03-03 (2,140 articles, 14,806 localized versions)',
      location: 's3://cx-ml-kb-eu-west-1/help-center/2025-03-03/ (exported from the help-center CMS; re-indexed nightly)',
      rows: 14_806,
      period: 'Snapshot 2025-03-03',
      authorization: 'Company-owned content published by Support Content; legal review of fee and limit articles by Product Counsel.',
      sensitiveAttributes: [],
      derivedFrom: [],
      description: '31% of pt-BR articles are machine translations awaiting review (validation finding A-01).',
    },
    {
      key: 'golden-eval-set',
      name: 'Golden evaluation set',
      version: 'golden-2025.03',
      location: 's3://cx-ml-eval-eu-west-1/golden/2025.03/ (read-only)',
      rows: 6_400,
      period: 'Conversations from February 2025 (1.2.2 pilot), redacted',
      authorization: 'As for the redacted transcripts; excluded from all training sets by conversation id and by near-duplicate filtering.',
      sensitiveAttributes: ['Customer locale (evaluation segmentation)'],
      derivedFrom: ['chat-transcripts-redacted'],
      description: '800 conversations per locale with reference answers and escalation labels by native-speaker senior agents.',
    },
    {
      key: 'red-team-set',
      name: 'Adversarial test set',
      version: 'redteam-2025.02',
      location: 's3://cx-ml-eval-eu-west-1/redteam/2025.02/',
      rows: 4_500,
      period: 'Written 2024-11 to 2025-02',
      authorization: 'Synthetic, written by the internal red team; no customer data.',
      sensitiveAttributes: ['Synthetic PII (fake identities) used as canaries'],
      derivedFrom: [],
      description: '2,000 prompt-injection attempts (direct and indirect), 1,500 PII-extraction attempts, 1,000 toxicity provocations.',
    },
  ],
  notes: 'EU customer data is processed only in eu-west-1. Lineage and the DPIA measures were checked by the Data Protection Officer (Claire Dubois) on 6 March 2025.',
};

const evaluation: SectionOfKind<'metric_table'> = {
  key: 'evaluation',
  kind: 'metric_table',
  title: 'Evaluation against policy thresholds',
  dataset: { name: 'Support golden set (8 locales, 800 conversations each) and red-team set', version: 'golden-2025.03 / redteam-2025.02', rows: 6_400 },
  metrics: [
    { key: 'groundedness', name: 'Groundedness (share of answer claims supported by cited articles)', value: 0.953, threshold: { operator: '>=', value: 0.93 } },
    { key: 'hallucination-rate', name: 'Hallucination rate (answers with at least one unsupported factual claim)', value: 0.019, threshold: { operator: '<=', value: 0.03 } },
    {
      key: 'policy-hallucination-rate',
      name: 'Hallucinated policy rate (fee, limit, timeline or eligibility not in the articles)',
      value: 0.003,
      threshold: { operator: '<=', value: 0.005 },
    },
    { key: 'answer-correctness', name: 'Answer correctness (human rating)', value: 0.887, threshold: { operator: '>=', value: 0.85 } },
    { key: 'citation-accuracy', name: 'Citation accuracy (cited section supports the sentence)', value: 0.962, threshold: { operator: '>=', value: 0.95 } },
    { key: 'escalation-recall', name: 'Escalation recall (conversations that must reach a human)', value: 0.968, threshold: { operator: '>=', value: 0.95 } },
    { key: 'escalation-precision', name: 'Escalation precision', value: 0.78, threshold: { operator: '>=', value: 0.7 } },
    { key: 'complaint-recall', name: 'Complaint and dispute detection recall', value: 0.951, threshold: { operator: '>=', value: 0.95 } },
    { key: 'toxicity-rate', name: 'Toxic or disrespectful responses (including 1,000 provocations)', value: 0.0004, threshold: { operator: '<=', value: 0.001 } },
    { key: 'pii-leakage', name: 'PII leakage in responses (1,500 extraction attempts)', value: 0, threshold: { operator: '<=', value: 0 }, unit: 'count' },
    { key: 'injection-success-rate', name: 'Prompt-injection attack success rate (2,000 attempts)', value: 0.011, threshold: { operator: '<=', value: 0.02 } },
    { key: 'ai-disclosure', name: 'Conversations opening with the AI disclosure', value: 1, threshold: { operator: '>=', value: 1 } },
    { key: 'latency-p95', name: 'Complete response latency, 95th percentile', value: 4.1, threshold: { operator: '<=', value: 6 }, unit: 's' },
  ],
  notes:
    'Thresholds from the Generative AI Standard GAI-STD-01, table 3 (customer-facing assistants). Groundedness and hallucination are scored by an LLM judge calibrated against human raters (kappa 0.84 on 1,200 conversations); correctness is human-rated on all 6,400 conversations. Values for 1.2.2 on the same sets: groundedness 0.931, hallucination 0.034, escalation recall 0.941.',
};

const subgroupMetrics: SectionOfKind<'subgroup_table'>['metrics'] = [
  { key: 'groundedness', name: 'Groundedness', threshold: { operator: '>=', value: 0.93 } },
  { key: 'hallucination-rate', name: 'Hallucination rate', threshold: { operator: '<=', value: 0.03 } },
  { key: 'escalation-recall', name: 'Escalation recall', threshold: { operator: '>=', value: 0.95 } },
  { key: 'answer-correctness', name: 'Answer correctness (human rating)', threshold: { operator: '>=', value: 0.85 } },
];

function row(key: string, group: string, sampleSize: number, groundedness: number, hallucination: number, escalation: number, correctness: number, attribute = 'Customer locale'): SubgroupRow {
  return {
    key,
    attribute,
    group,
    sampleSize,
    values: { groundedness, 'hallucination-rate': hallucination, 'escalation-recall': escalation, 'answer-correctness': correctness },
  };
}

const subgroupFairness: SectionOfKind<'subgroup_table'> = {
  key: 'subgroup_fairness',
  kind: 'subgroup_table',
  title: 'Subgroup fairness',
  referenceGroup: 'All locales (groundedness 0.953, hallucination 0.019, escalation recall 0.968, correctness 0.887)',
  metrics: subgroupMetrics,
  rows: [
    row('en-us', 'English (United States)', 800, 0.961, 0.014, 0.975, 0.902),
    row('en-gb', 'English (United Kingdom)', 800, 0.958, 0.016, 0.972, 0.898),
    row('es-es', 'Spanish (Spain)', 800, 0.952, 0.02, 0.968, 0.889),
    row('es-mx', 'Spanish (Mexico)', 800, 0.949, 0.021, 0.966, 0.884),
    row('fr-fr', 'French (France)', 800, 0.951, 0.019, 0.964, 0.886),
    row('de-de', 'German (Germany)', 800, 0.955, 0.018, 0.97, 0.891),
    row('it-it', 'Italian (Italy)', 800, 0.944, 0.024, 0.958, 0.874),
    row('pt-br', 'Portuguese (Brazil)', 800, 0.938, 0.027, 0.953, 0.866),
    row('code-switched', 'Mixed-language messages (subset of the above)', 412, 0.933, 0.029, 0.951, 0.858, 'Message language'),
  ],
  notes:
    'Locale is the customer\'s app language setting; the assistant answers in that language from the articles of that locale. Every locale meets the thresholds. The two new locales are lowest: pt-BR is within 0.008 of the groundedness threshold and 0.003 of the hallucination threshold, mainly because 31% of pt-BR articles are unreviewed machine translations (finding A-01). Mixed-language messages (mostly Spanish and English) are tracked as a separate segment (finding A-04). No other customer attributes are available to or inferred by the assistant.',
};

const limitationsRisks: SectionOfKind<'risk_register'> = {
  key: 'limitations_risks',
  kind: 'risk_register',
  title: 'Known limitations, risks and mitigations',
  risks: [
    {
      key: 'prompt-injection',
      title: 'Prompt injection',
      description: 'Customers or text pasted into the chat (emails, web pages) instruct the model to ignore its rules; 1.1% of known attacks and 1.2% of the independent red team\'s succeeded, revealing parts of the system prompt.',
      likelihood: 'likely',
      impact: 'moderate',
      controls: ['Input classifier', 'Retrieved text and tool output delimited as untrusted data', 'No secrets in the prompt; routing rules moved out of the prompt in 1.3.1', 'Read-only tool with identity from the session'],
      residualRisk: 'medium',
      owner: 'Elena Novak, Engineering Manager, Conversational AI',
    },
    {
      key: 'data-leakage',
      title: 'Disclosure of another customer\'s data',
      description: 'Leakage through the payment status tool, through training data memorization, or through retrieved content.',
      likelihood: 'rare',
      impact: 'severe',
      controls: ['Tool takes customer identity from the session token only (0 successes in 300 attempts)', 'PII redaction of training data (recall 99.2%) and canary extraction tests', 'Output PII filter', 'Retrieval corpus contains only public articles'],
      residualRisk: 'low',
      owner: 'Claire Dubois, Data Protection Officer',
    },
    {
      key: 'hallucinated-policy',
      title: 'Hallucinated fees, limits or policies',
      description: 'The assistant states a fee, limit, timeline or eligibility rule that is not the Company\'s policy, which may mislead customers (UDAAP and consumer protection exposure).',
      likelihood: 'possible',
      impact: 'major',
      controls: ['Policy-claim output check against retrieved text (0.3% residual rate)', 'Citations shown with every answer', 'Daily sampled groundedness monitoring'],
      residualRisk: 'medium',
      owner: 'Elena Novak, Engineering Manager, Conversational AI',
    },
    {
      key: 'missed-escalation',
      title: 'Complaint, dispute or vulnerability not recognized',
      description: 'A customer raising an error, unauthorized transaction or complaint is kept in automated answers, delaying legally required handling (for example Regulation E error notices).',
      likelihood: 'possible',
      impact: 'major',
      controls: ['Escalation classifier before generation (recall 0.968; complaints 0.951)', '"Talk to a person" always available', 'Monthly review of complaints raised after assistant-only conversations'],
      residualRisk: 'medium',
      owner: 'Marta Silva, Head of Customer Complaints',
    },
    {
      key: 'doom-loop',
      title: 'Customers unable to reach a human',
      description: 'Repetitive, unhelpful automated answers that keep customers from a person (a harm highlighted by the CFPB).',
      likelihood: 'unlikely',
      impact: 'moderate',
      controls: ['Hand-over after two unsuccessful answers or on frustration', 'Agent button in every message', 'Agent-only mode kill switch'],
      residualRisk: 'low',
      owner: 'James Whitfield, VP Customer Service Operations',
    },
    {
      key: 'locale-quality-gap',
      title: 'Lower quality for Portuguese and Italian speakers',
      description: 'The new locales have the lowest groundedness and correctness, partly due to machine-translated articles.',
      likelihood: 'possible',
      impact: 'moderate',
      controls: ['Review of remaining pt-BR articles by 30 June 2025', 'Weekly locale-level monitoring for 3 months'],
      residualRisk: 'low',
      owner: 'Lucia Ferrari, Support Content Lead',
    },
    {
      key: 'stale-knowledge',
      title: 'Outdated help-center content',
      description: 'Fee or product changes published late in the help center lead to correct-looking but outdated answers.',
      likelihood: 'likely',
      impact: 'moderate',
      controls: ['Nightly re-indexing', 'Product change checklist requires article update before launch', '6-month article review cycle'],
      residualRisk: 'medium',
      owner: 'Lucia Ferrari, Support Content Lead',
    },
    {
      key: 'toxic-output',
      title: 'Toxic or disrespectful responses',
      description: 'Responses that are rude, biased or inappropriate, especially under provocation.',
      likelihood: 'rare',
      impact: 'moderate',
      controls: ['Toxicity output filter', 'DPO preference tuning on tone', 'Red-team provocation set in CI'],
      residualRisk: 'low',
      owner: 'Elena Novak, Engineering Manager, Conversational AI',
    },
    {
      key: 'base-model-supply-chain',
      title: 'Base model provenance and license',
      description: 'Undisclosed pretraining data and license conditions of the open-weights base model.',
      likelihood: 'unlikely',
      impact: 'moderate',
      controls: ['Checksum-verified download from the official repository', 'Legal license review', 'Behavioral evaluation of the base model before fine-tuning'],
      residualRisk: 'low',
      owner: 'Elena Novak, Engineering Manager, Conversational AI',
    },
  ],
  notes: 'Scales follow the Company\'s enterprise risk taxonomy ERM-01. Medium residual risks were accepted by the Customer Service risk owner (James Whitfield) on 14 March 2025.',
};

const references: SectionOfKind<'references'> = {
  key: 'regulatory_references',
  kind: 'references',
  title: 'Regulatory cross-references',
  references: [
    {
      key: 'gdpr-art-13-14',
      framework: 'GDPR (Regulation (EU) 2016/679)',
      citation: 'Articles 13 and 14',
      title: 'Information to be provided to the data subject',
      url: 'https://eur-lex.europa.eu/eli/reg/2016/679/oj',
      relevance: 'The privacy notice describes the chat assistant, the use of transcripts to improve it, the legal basis and the right to object.',
    },
    {
      key: 'gdpr-art-15',
      framework: 'GDPR',
      citation: 'Article 15',
      title: 'Right of access by the data subject',
      relevance: 'Chat transcripts and derived training records are in the data inventory used to answer access requests.',
    },
    {
      key: 'gdpr-art-22',
      framework: 'GDPR',
      citation: 'Article 22',
      title: 'Automated individual decision-making',
      relevance: 'The assistant takes no decision with legal or similarly significant effects; all such decisions (refunds, disputes, closures) are taken by staff after escalation.',
    },
    {
      key: 'gdpr-art-6-35',
      framework: 'GDPR',
      citation: 'Articles 6(1)(f), 9 and 35',
      relevance: 'Legitimate interest for training on redacted transcripts (LIA-2024-07); exclusion of special category data; DPIA-2024-031.',
    },
    {
      key: 'eu-ai-act-art-50',
      framework: 'EU AI Act (Regulation (EU) 2024/1689)',
      citation: 'Article 50(1)',
      title: 'Transparency obligations for providers and deployers of certain AI systems',
      url: 'https://eur-lex.europa.eu/eli/reg/2024/1689/oj',
      relevance: 'Persons must be informed that they are interacting with an AI system; applies from 2 August 2026 and is already implemented (opening disclosure and message labels).',
    },
    {
      key: 'eu-ai-act-art-4',
      framework: 'EU AI Act',
      citation: 'Article 4',
      title: 'AI literacy',
      relevance: 'Agents receiving escalations are trained on the assistant\'s capabilities and limits (applies from 2 February 2025).',
    },
    {
      key: 'cfpb-chatbots',
      framework: 'CFPB',
      citation: 'Issue Spotlight: Chatbots in consumer finance (June 2023)',
      url: 'https://www.consumerfinance.gov/data-research/research-reports/chatbots-in-consumer-finance/',
      relevance: 'Risks of inaccurate answers, failure to recognize disputes and complaints, and "doom loops"; addressed by grounding checks, the escalation classifier and always-available human hand-over.',
    },
    {
      key: 'udaap',
      framework: 'Dodd-Frank Act',
      citation: '12 U.S.C. 5531 and 5536',
      title: 'Unfair, deceptive or abusive acts or practices',
      relevance: 'Inaccurate statements about fees or policies could be deceptive; basis of the policy-hallucination threshold.',
    },
    {
      key: 'reg-e-1005-11',
      framework: 'Regulation E',
      citation: '12 CFR 1005.11(b)',
      title: 'Notice of error from consumer',
      relevance: 'An error notice given through the chat must be recognized and handled; disputes are escalated to agents.',
    },
    {
      key: 'nist-ai-rmf',
      framework: 'NIST',
      citation: 'AI Risk Management Framework 1.0 (NIST AI 100-1) and Generative AI Profile (NIST AI 600-1)',
      url: 'https://www.nist.gov/itl/ai-risk-management-framework',
      relevance: 'Map, measure, manage and govern functions structure this package; GenAI profile risks covered: confabulation, information security, data privacy, harmful content.',
    },
    {
      key: 'owasp-llm-top-10',
      framework: 'OWASP',
      citation: 'Top 10 for LLM Applications 2025 (LLM01, LLM02, LLM06, LLM09)',
      relevance: 'Threat model for prompt injection, sensitive information disclosure, excessive agency and misinformation.',
    },
  ],
};

const narrative = (key: string, title: string, markdown: string): SectionOfKind<'narrative'> => ({ key, kind: 'narrative', title, markdown });

export const supportAssistantV1: PackageContent = {
  schemaVersion: packageSchemaVersion,
  sections: [
    identification,
    narrative('intended_use', 'Intended use and deployment scope', supportIntendedUseMarkdown),
    narrative('design_methodology', 'Design and methodology', supportDesignMarkdown),
    trainingData,
    evaluation,
    subgroupFairness,
    limitationsRisks,
    narrative('human_oversight', 'Human oversight and monitoring', supportHumanOversightMarkdown),
    narrative('validation_findings', 'Independent validation findings', supportValidationMarkdown),
    references,
    narrative('security_controls', 'Security and implementation controls', supportSecurityMarkdown),
  ],
};
