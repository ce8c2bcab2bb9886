// Narrative (Markdown) sections of the Support Assistant 1.3.0 demo package.

export const supportChangeSummary = `## Changes from 1.2.2 (in production since October 2024)

- **Fine-tune refreshed**: LoRA adapter retrained on 38,400 curated conversations from 2023 to 2024 (1.2.2: 21,000 from 2023), followed by a DPO pass on 6,200 preference pairs written by senior agents.
- **Two new locales**: Italian (it-IT) and Brazilian Portuguese (pt-BR), joining en-US, en-GB, es-ES, es-MX, fr-FR and de-DE.
- **Retrieval**: a cross-encoder reranker (bge-reranker-v2-m3) added after hybrid search; chunking changed from fixed 512 tokens to article sections.
- **Escalation classifier** retrained with 2,900 new examples of complaints, payment disputes and customers in vulnerable circumstances, following the CFPB's observations on chatbots that fail to recognize disputes.
- **Read-only payment status lookup** for authenticated in-app users (new tool; 1.2.2 could only answer from articles).

## Effect

Groundedness rises from 0.931 to 0.953 and hallucination rate falls from 0.034 to 0.019 on the golden set; escalation recall rises from 0.941 to 0.968.

## Submission

Submitted 17 March 2025 by Elena Novak, Engineering Manager, Conversational AI. Validation by the AI Assurance team (report AIA-2025-011).
`;

export const supportIntendedUseMarkdown = `## Purpose

The Support Assistant answers customers' questions about the Company's payment accounts, cards and transfers in the in-app chat and the help-center web chat, using the Company's published help-center articles as its only source of policy information. Its goal is to resolve routine questions (how to order a card, transfer limits, fees, delivery times, how to dispute a payment) quickly, and to hand everything else to a human agent with a summary.

## Who uses it

- Retail customers of the Company in the EU, the UK, the US, Mexico and Brazil, in eight locales.
- Human support agents, who receive escalated conversations with the assistant's summary and the articles it used.

About 410,000 conversations a month reach the chat; in the 1.2.2 pilot, 58% were resolved without an agent.

## What it may do

| Capability | Condition |
| --- | --- |
| Answer questions from help-center articles, with citations | Always; if no article supports an answer, it says so and offers an agent |
| Look up the status of the customer's own payments (read-only) | Only in the authenticated in-app chat, for the signed-in customer's accounts |
| Hand over to a human agent with a summary | Always available: the customer can type "agent" or use the button at any time |
| Open a complaint or dispute case | No: it recognizes the intent and escalates; the case is opened by an agent |

## Disclosure to customers

Every conversation starts with: *"You're chatting with our AI assistant. It can make mistakes; you can ask for a person at any time."* The assistant's messages are labelled "AI assistant" in the chat interface.

## Out-of-scope uses

- Any decision about a customer: account opening or closure, limits, fee refunds, dispute outcomes, fraud blocks. The assistant has no write access to any system.
- Advice on investments, credit, tax or legal matters.
- Handling of complaints, disputes, suspected fraud, bereavement, or customers who say they are in financial difficulty or otherwise vulnerable: these are escalated to trained agents.
- Business accounts, and locales other than the eight listed.
- Outbound messages of any kind (marketing, collections).
`;

export const supportDesignMarkdown = `## Architecture

1. **Input guard**: a prompt-injection classifier (fine-tuned on the Company's red-team set) and a PII detector run on every customer message; card numbers and IBANs typed by the customer are masked before the message reaches the model.
2. **Intent and escalation classifier** (XLM-RoBERTa base, fine-tuned): routes complaints, disputes, fraud, vulnerability and legal threats to an agent before generation.
3. **Retrieval**: hybrid search (BM25 and dense embeddings from bge-m3) over the help-center articles of the customer's locale, then cross-encoder reranking; the top five article sections are passed to the model.
4. **Generation**: Llama 3.1 8B Instruct with the Company's LoRA adapter, served with vLLM on the Company's own GPU nodes (no third-party model API). The system prompt instructs the model to answer only from the retrieved sections and to cite them.
5. **Output guard**: a groundedness check (natural language inference model against the cited sections), a PII and toxicity filter, and a policy-claim check that blocks any fee, limit or timeline not found verbatim in the retrieved sections. A blocked answer is replaced with a fallback message and an offer of an agent.

## Why a fine-tuned open-weights model

| Option considered | Groundedness (golden set) | Data residency | Cost per 1,000 conversations | Decision |
| --- | --- | --- | --- | --- |
| Commercial API model with RAG | 0.961 | Requires a transfer to the API provider; EU region available only for some models | $38 | Not chosen |
| Llama 3.1 8B Instruct, RAG, no fine-tune | 0.902 | In the Company's own cloud accounts | $6 | Not chosen |
| **Llama 3.1 8B Instruct, RAG, LoRA and DPO fine-tune** | **0.953** | In the Company's own cloud accounts | $7 | **Chosen** |

The fine-tuned model comes within 0.008 of the commercial model while keeping all customer data in the Company's EU and US environments and allowing full control of model versions.

## Fine-tuning

- **Supervised fine-tuning**: 38,400 conversations whose agent replies were rated 5/5 by Quality Assurance, rewritten to cite articles, after PII redaction (see Training data). LoRA rank 16, alpha 32, 3 epochs, learning rate 2e-4.
- **Preference tuning (DPO)**: 6,200 pairs in which senior agents chose the better of two model answers, emphasizing refusals to guess, correct escalation and plain language.
- The adapter was trained per base-model revision; the base model revision and adapter are pinned by digest.

## Evaluation design

- **Golden set**: 6,400 conversations (800 per locale) sampled from February 2025 traffic of the 1.2.2 pilot, never used in training, with reference answers and escalation labels written by native-speaker senior agents.
- **Automatic metrics**: groundedness and hallucination are scored by an LLM judge whose agreement with human raters was measured on 1,200 conversations (Cohen's kappa 0.84); answer correctness is scored by humans on all 6,400.
- **Red-team set**: 2,000 prompt-injection attempts (direct, and indirect through text pasted from emails or web pages), 1,500 PII-extraction attempts and 1,000 toxicity provocations.

## Assumptions and trade-offs

- Help-center articles are correct and current; the assistant is only as accurate as the articles (ownership of articles is with Support Content, with a review cycle of 6 months).
- The strict policy-claim check blocks about 4% of otherwise correct answers (false blocks) in exchange for a policy hallucination rate of 0.3%.
- An 8B model answers in about 4 seconds; larger open-weights models improved groundedness by 0.006 at three times the serving cost.
`;

export const supportHumanOversightMarkdown = `## Human in the loop

- A human agent is always reachable: the "Talk to a person" button is visible in every message, and the assistant hands over after two unsuccessful answers, when the customer expresses frustration, or when the escalation classifier fires.
- Escalated conversations reach the agent with a summary, the cited articles and the detected intent; agents rate the summary (used in monitoring).
- The assistant never closes a conversation that contains an unresolved complaint or dispute intent.

## Monitoring

| Monitor | Frequency | Trigger | Owner |
| --- | --- | --- | --- |
| Groundedness and hallucination rate on a 2% daily sample (LLM judge) | Daily | hallucination above 0.03 on a 7-day window | Conversational AI |
| Human review of 300 conversations per locale | Monthly | correctness below 0.85 in any locale | Quality Assurance |
| Escalation recall on agent-flagged missed escalations | Weekly | recall below 0.95 | Conversational AI with Complaints team |
| Complaints and disputes raised after an assistant-only conversation | Monthly | more than 0.5% of resolved conversations | Customer Complaints |
| Guardrail blocks (injection, PII, policy-claim) | Real time | spike of 3 standard deviations | Security Operations |
| Customer satisfaction (CSAT) per locale | Weekly | below 4.0 of 5 | Customer Experience |

## Re-review triggers

1. A change of base model, adapter, embedding model or escalation classifier.
2. A new locale, channel or tool (any tool with write access requires a new approval at tier 1).
3. A monitoring trigger lasting two consecutive periods, or any confirmed incident of data leakage or a harmful answer.
4. Annual review; and before 2 August 2026 to confirm compliance with EU AI Act Article 50 as applicable then.

## Rollback and kill switch

- The Customer Service duty manager can switch the chat to **agent-only mode** at any time from the contact-center console (takes effect within one minute).
- The previous model (1.2.2) stays deployed for 90 days; switching back is a configuration change executed by Conversational AI within 30 minutes.
- The payment status tool can be disabled independently through a feature flag.
`;

export const supportValidationMarkdown = `## Validation summary

- **Report**: AIA-2025-011, issued 12 March 2025, AI Assurance team (second line, reports to the Chief Risk Officer)
- **Reviewers**: Tomás Herrera (lead), Aisha Bello (red team), native-speaker reviewers contracted for it-IT and pt-BR
- **Scope**: reproduction of the golden-set metrics, an independent red-team exercise, review of the PII redaction pipeline, per-locale quality, and the disclosure and escalation user journeys.

## Work and results

- **Reproduction**: the team re-ran the evaluation pipeline from the pinned artifacts; all metrics reproduced within 0.003.
- **Independent human rating** of 1,600 conversations (200 per locale): correctness 0.881 against the owners' 0.887.
- **Red team** (5 days, 2 testers, 1,150 new attacks not in the owners' set): 14 successful prompt injections (1.2%), all of which made the assistant reveal parts of its system prompt or adopt a persona; none obtained another customer's data or a write action. Cross-customer data access was tested through 300 attempts on the payment status tool: 0 successes (the tool takes the customer id from the session token, never from the conversation).
- **PII redaction**: recall of 99.2% on 5,000 annotated transcripts; residual misses were mostly street addresses in free text. A sample of 20,000 model outputs contained no verbatim training PII (canary and extraction tests).

## Findings

| ID | Severity | Finding | Response |
| --- | --- | --- | --- |
| A-01 | Medium | pt-BR has the lowest groundedness (0.938) and highest hallucination rate (0.027) of all locales, close to thresholds; 31% of pt-BR articles are machine translations not yet reviewed. | Support Content to review the remaining pt-BR articles by 30 June 2025; pt-BR monitored weekly for 3 months. |
| A-02 | Medium | Complaint detection recall (0.951) is just above 0.95; misses concern complaints phrased politely ("I'm a bit disappointed that..."). | 600 additional examples added to the classifier's next training cycle; weekly monitoring with the Complaints team. |
| A-03 | Low | System prompt extraction is possible in 1.2% of attacks. The prompt contains no secrets, but it reveals routing rules. | Accepted; routing rules moved out of the prompt in 1.3.1. |
| A-04 | Low | Code-switched messages (for example Spanish and English mixed) score lower on groundedness (0.933). | Monitored as a separate segment. |

## Conclusion

The assistant meets every policy threshold. The AI Assurance team recommends approval for the scope in the Intended use section, with the pt-BR and complaint-detection action plans tracked to completion.
`;

export const supportSecurityMarkdown = `## Hosting and data residency

- EU customers are served from eu-west-1 (Ireland) and US, Mexican and Brazilian customers from us-east-1; conversation data does not leave its region. Model weights and adapters are identical in both regions and pinned by digest.
- Inference runs on the Company's own GPU nodes (vLLM 0.6) in private subnets; the model has no internet access.

## Tool access

- The only tool is a **read-only** payment status endpoint. The customer identity is taken from the authenticated session token by the tool gateway, never from model output; the model can pass only a payment reference, which is checked against the session's accounts.
- Responses from the tool are filtered to the fields needed (status, amount, date, counterparty name as shown in the app).

## Prompt injection and output controls

- Input classifier, delimiting of retrieved content and tool output as untrusted data, and output guards (groundedness, PII, toxicity, policy claims) as described in the Design section.
- The system prompt contains no secrets or credentials.
- Aligned with the OWASP Top 10 for LLM Applications (2025): LLM01 prompt injection, LLM02 sensitive information disclosure, LLM06 excessive agency (read-only tool, no write access), LLM09 misinformation.

## Data protection

- Conversations are stored encrypted (KMS customer-managed keys) for 13 months for quality and complaint handling, then deleted; conversations used for training are kept only in redacted form.
- Access to raw transcripts is limited to Quality Assurance and Complaints roles; model developers work on redacted data only.
- Customer rights (access, erasure, objection) are handled by the Privacy Office through the same data inventory as other support data; an objection to training use excludes the customer's conversations from future fine-tuning datasets.

## Supply chain and change control

- Base model downloaded from the publisher's official repository, verified by checksum, and scanned before import; license (Llama 3.1 Community License) reviewed by Legal.
- Every release is evaluated on the golden and red-team sets in CI; a release is blocked if any threshold of the Evaluation section fails.
- Changes are approved through the Company's change management process; production deployment only by pipeline.
`;
