// Narrative (Markdown) sections of the Card Fraud Detection 7.1.0 demo package.

export const cardFraudChangeSummary = `## Changes from 7.0.4 (in production since May 2024)

| Area | 7.0.4 | 7.1.0 |
| --- | --- | --- |
| Channels scored for decisions | Card-not-present (CNP) only | **CNP and card-present (CP)**, replacing the vendor model (FICO Falcon) for CP |
| Training window | 2022-07 to 2023-09 | 2023-07 to 2024-09 |
| EMV 3-D Secure data | 3DS 2.1 outcome only | 3DS 2.2 elements: device channel, authentication method, challenge outcome, ACS risk score |
| Network tokens | Treated like PAN transactions | Token requestor id and token assurance level as features |
| CP features | none | 58 features: POS entry mode, chip and CVM results, terminal capability, fallback flags, merchant terminal history |
| Features | 298 | 386 |
| Algorithm | LightGBM 3.3 | LightGBM 4.1, separate calibration per channel |

## Why

- CNP fraud rose 22% in 2024 (enumeration attacks and account takeover through wallet provisioning); 3DS 2.2 and network-token data improve detection of both.
- The Falcon license renews in March 2026; the business wants one in-house model for all channels before then.

## Status

Submitted 27 January 2025 by Sofia Marchetti, Head of Fraud Decision Science. Model Risk Management's validation (report MRV-2025-007) is summarized in the Independent validation findings section.
`;

export const cardFraudIntendedUseMarkdown = `## Purpose

Card Fraud Detection 7.1.0 scores every authorization request on the Bank's consumer and small business **debit and credit cards** in real time and returns a fraud probability, which the fraud decision strategy turns into an action: approve, approve and alert, step-up authentication, or decline.

## Transactions in scope

| Channel | Examples | Share of authorizations (2024) | Share of gross fraud losses (2024) |
| --- | --- | --- | --- |
| Card-not-present (CNP) | E-commerce, in-app, card-on-file and recurring, mail and telephone order, wallet provisioning requests | 41% | 83% |
| Card-present (CP) | Chip, contactless (card and mobile wallet), magnetic stripe and fallback, manual key entry at POS | 59% | 17% |

Portfolio: 13.1 million active cards (8.6 million debit, 4.5 million credit), about 3.9 billion authorizations a year, gross fraud losses of $96.4 million in 2024.

**Requested scope: CNP and CP authorizations.** For CP, 7.1.0 would replace the FICO Falcon Fraud Manager consortium model that the Bank has used since 2016.

## Decisions the score informs

1. **Approve** (score below the alert threshold).
2. **Approve and alert**: the cardholder receives a two-way SMS or push notification ("Did you make this purchase?").
3. **Step-up** (CNP only): request a 3DS challenge or a one-time passcode.
4. **Decline** with a real-time alert inviting the cardholder to confirm and retry.
5. **Queue** to the Fraud Operations center for outbound contact (high-value or repeated high scores).

Thresholds per channel, merchant category and card product are set by Fraud Strategy, not by the model owners, within limits approved in the fraud risk appetite (false decline rate at most 0.5% of legitimate CNP transactions, 0.2% of legitimate CP transactions).

## Users

- The real-time decision engine on the issuer processing platform (automated, 30 ms budget).
- Fraud Strategy analysts (threshold setting, rule writing) and Fraud Operations analysts (queue review, cardholder contact).

## Out-of-scope uses

- **Dispute and claim decisions** under Regulation E or Regulation Z: whether a cardholder is liable for a transaction is decided by the Disputes team under the error resolution procedures, never by this score.
- Credit decisions (line changes, account closure for credit reasons), collections and marketing.
- ATM withdrawals (scored by the separate ATM and PIN fraud model) and ACH, wire or Zelle payments.
- Commercial and purchasing cards.
- Any use of the score to infer a cardholder characteristic.
`;

export const cardFraudDesignMarkdown = `## Approach

A single gradient boosted tree model (LightGBM 4.1) is trained on authorization requests labelled with confirmed fraud outcomes, with **one isotonic calibration per channel** so that a given score means the same fraud probability in CNP and CP.

A single model was chosen over two channel-specific models so that cross-channel behavior (for example a contactless purchase followed minutes later by a CNP purchase in another country) is learned jointly, and to keep one model to operate and monitor.

## Labels

- **Fraud**: transaction reported as fraud by the cardholder and confirmed by Fraud Operations, or charged back with a network fraud reason code (Visa 10.x, Mastercard 4837 and 4863 with fraud confirmation), or reported to the networks in Visa TC40 or Mastercard SAFE data. All transactions on the same card from the first confirmed fraudulent transaction to the block are labelled fraud unless the cardholder recognized them.
- **Legitimate**: no fraud report 90 days after the transaction (label maturity).
- **Declined transactions**: labelled from the cardholder's answer to the real-time alert ("yes, it was me" or "no"); declined transactions without an answer (23%) are excluded from training and kept for sensitivity analysis.
- First-party fraud (cardholder disputes a genuine purchase) is excluded where Disputes concluded so.

## Data

| Split | Authorization dates | Rows (all fraud, 2% sample of legitimate, weighted) | Fraud transactions | Fraud rate (weighted, basis points) |
| --- | --- | --- | --- | --- |
| Train | 2023-07-01 to 2024-06-30 | 78,912,440 | 1,106,280 | 2.9 |
| Validation | 2024-07-01 to 2024-09-30 | 20,481,115 | 287,350 | 2.9 |
| Out-of-time holdout | 2024-10-01 to 2024-12-31 | 21,684,302 | 301,912 | 2.8 |

Of the fraud transactions in training, 91.4% are CNP and 8.6% CP; within CP, 61% are lost or stolen cards used contactless and 27% are counterfeit magnetic stripe or fallback.

## Features (386)

- **Transaction**: amount, currency, merchant category, POS entry mode, terminal capability, CVM result, cryptogram validation result, CVV2 and AVS match results (results only; the values themselves are never received), 3DS 2.2 elements, token requestor and token assurance level.
- **Velocity and profile**: counts and amounts per card over 10 minutes to 90 days, per merchant, per device and per IP; deviation from the card's usual merchants, categories, times and geography.
- **Merchant and acquirer risk**: fraud rates by merchant id, acquirer BIN and terminal, refreshed daily from confirmed labels.
- **Account events**: recent address, phone or email change, new device enrolment in online banking, recent card reissue, wallet provisioning in the last 7 days.

No feature uses the cardholder's age, sex, race, ethnicity, national origin, marital status, ZIP code of residence or language preference; cardholder age band and census-tract income level are attached to the holdout only for subgroup testing.

## Training

- 2,400 trees, learning rate 0.03, 127 leaves, minimum 2,000 weighted rows per leaf; objective binary log loss with fraud dollar amount as an additional sample weight (capped at $5,000) so that high-value fraud counts more.
- Early stopping on the validation split; hyperparameters from 150 trials.

## Why card-present performance is weaker

CP fraud is rare in the Bank's portfolio because chip cards defeat counterfeiting; only 95,140 CP fraud transactions were available for training, against about 1 million CNP. CP fraud is also dominated by lost-and-stolen contactless use, which looks like the genuine cardholder's own behavior (same card, familiar merchants, under the contactless CVM limit) until the cardholder notices. The Falcon consortium model is trained on data from many issuers and therefore sees far more CP fraud. The team's plan to close the gap (consortium data through Visa Advanced Authorization scores as a feature, and device-presence signals from the mobile app) is in the risk register.

## Trade-offs

- Dollar-weighted training favors value detection over transaction detection: many small fraudulent transactions (card testing) are left to the velocity rules that run before the model.
- Per-channel calibration keeps thresholds interpretable but means a channel with little data (CP) has a noisier calibration curve.
`;

export const cardFraudHumanOversightMarkdown = `## Human oversight of decisions

- No cardholder is permanently harmed by a single score: a decline comes with a real-time alert, and a cardholder who confirms the purchase can retry immediately (the card is whitelisted for that merchant for 24 hours).
- Fraud Operations analysts review queued cases and contact cardholders; they can release blocks and override the model's recommendation, with reasons recorded in the case management system.
- Thresholds are changed only by Fraud Strategy through the decision engine's change process (maker-checker), within the limits of the fraud risk appetite.

## Monitoring plan

| Monitor | Frequency | Trigger | Owner |
| --- | --- | --- | --- |
| Score distribution PSI per channel | Daily | 0.10 amber, 0.25 red | Fraud Decision Science |
| Decline, step-up and alert rates per channel and merchant category | Hourly, automated | more than 3 standard deviations from the 4-week pattern | Fraud Strategy (24x7 on-call) |
| False decline rate (legitimate transactions declined, from cardholder confirmations) | Weekly | CNP above 0.5%, CP above 0.2% | Fraud Strategy |
| Value detection rate and false positive ratio on matured labels (90 days) | Monthly | VDR below threshold of the Evaluation section for two months | Fraud Decision Science; re-review trigger |
| Subgroup false decline ratio (age band, tract income, product, cross-border) | Quarterly | ratio above 1.5 | Fraud Decision Science with Fair Lending |
| Scoring latency p99 and timeouts | Real time | p99 above 25 ms or timeouts above 0.01% | Card Platform Engineering |

## Re-review triggers

1. A red PSI for 3 consecutive days, or a monthly detection rate below threshold for two consecutive months.
2. A new channel, product or network program (for example a new wallet), or a change of the network message formats used as features.
3. A new fraud pattern causing losses above $1 million in a month that the model misses.
4. Annual review (tier 2), no later than 12 months after approval.

## Rollback plan

- The previous CNP model 7.0.4 and the Falcon CP model run in shadow for 6 months after go-live; switching channels back is a decision-engine configuration change under the emergency change procedure, executed by Card Platform Engineering within **30 minutes** on the decision of the Head of Fraud Strategy.
- If the scoring service is unavailable, the decision engine falls back to the rules-only strategy (velocity and merchant rules), which has been in place for stand-in processing since 2019.
`;

export const cardFraudValidationMarkdown = `## Validation summary

- **Report**: MRV-2025-007, issued 22 January 2025, Model Risk Management (tier 2 targeted validation)
- **Validators**: Kenji Watanabe (lead), Olivia Grant
- **Scope**: label construction, feature leakage, outcomes analysis on the out-of-time holdout by channel, benchmark against 7.0.4 (CNP) and Falcon (CP), subgroup false-decline testing, implementation parity.

## Results by channel

| Channel | Metric | 7.1.0 | Benchmark | Threshold |
| --- | --- | --- | --- | --- |
| CNP | Value detection rate at production thresholds | 0.71 | 7.0.4: 0.64 | 0.60 |
| CNP | False positive ratio (legitimate declines per fraud decline) | 6.8 | 7.0.4: 8.9 | at most 10 |
| CP | Value detection rate at production thresholds | 0.46 | Falcon: 0.52 | 0.50 |
| CP | False positive ratio | 13.9 | Falcon: 12.1 | at most 15 |

## Findings

| ID | Severity | Finding | Recommendation |
| --- | --- | --- | --- |
| MRV-01 | High | CP value detection rate (0.46) is below the policy threshold (0.50) and below the incumbent Falcon model (0.52). The gap is largest for lost-and-stolen contactless fraud (0.31 against 0.44). | Do not use 7.1.0 for CP decisions; keep Falcon for CP until a resubmission meets the threshold. |
| MRV-02 | Medium | 23% of declined transactions have no label (no cardholder answer); under a pessimistic assumption (all unanswered CNP declines legitimate) the CNP false positive ratio rises to 8.4, still within threshold. | Report the pessimistic bound in monitoring. |
| MRV-03 | Medium | Merchant risk features are refreshed from labels that mature over 90 days; in a fast attack, the features lag. | Keep the velocity rules ahead of the model; document the lag. |
| MRV-04 | Low | Secured-card holders have a false decline ratio of 1.47, near the 1.5 limit. | Quarterly monitoring with Fair Lending. |

Implementation parity between the training pipeline and the real-time feature store was tested on 1 million replayed authorizations: 99.97% of feature values identical; the remaining differences are timing of velocity windows (under 1 second) with no effect on decisions above 0.001 in score.

## Conclusion

For **card-not-present transactions**, the model is conceptually sound, clearly better than 7.0.4 and fit for use. For **card-present transactions**, MRM does not support use (finding MRV-01). MRM therefore recommends approval limited to CNP, with a re-review when the owners resubmit CP with the planned consortium and device-presence features.
`;

export const cardFraudSecurityMarkdown = `## Architecture and PCI DSS scope

- The **fraud-scoring** service runs in the Bank's cardholder data environment (CDE) network segment because it is connected to the authorization flow. PANs are replaced with format-preserving tokens by the payment gateway before the message reaches the scoring service; the service never sees a clear PAN, full track data, CVV2, PIN or PIN block.
- Real-time features are held in an in-memory feature store (Redis Enterprise, encrypted, in the CDE segment) keyed by PAN token.
- p99 scoring latency 14 ms at the 2024 peak of 4,100 authorizations per second (Black Friday replay); active-active in two data centers.

## Controls mapped to PCI DSS v4.0.1

| Requirement | Control |
| --- | --- |
| 3.3.1: sensitive authentication data not stored after authorization | Only match results (CVV2 match, cryptogram valid) are used; the message fields are dropped at the gateway. Verified by the QSA during the 2024 assessment. |
| 3.5.1: PAN rendered unreadable wherever stored | Format-preserving tokenization (keys in HSMs); training data in the analytics environment carries only a second, keyed-hash token (HMAC-SHA-256), which cannot be mapped back to PAN outside the CDE. |
| 6.2.4 and 6.3.2: secure software development and inventory of components | Code review, SAST and SCA in the CI pipeline; software bill of materials for the service image. |
| 7.2.1 and 8.4.2: least-privilege access, MFA into the CDE | Developers have no access to the CDE; deployment only by pipeline; operations access through the privileged access management vault with MFA. |
| 10.2.1: audit logs | Every score is logged (token, timestamp, model version, score, action, reason codes) and forwarded to the SIEM; logs retained 13 months online and 7 years archived. |
| 11.4.1: penetration testing | Included in the annual CDE penetration test (last: October 2024, no high findings). |
| 12.5.2: scope confirmation | The service and feature store are in the 2025 scope document. |

## Model integrity and change control

- The model artifact is registered with its SHA-256 digest; the service verifies the digest at start-up and refuses to start on a mismatch.
- Promotion requires an approved change in ServiceNow and this package's approval record; threshold changes follow the decision engine's maker-checker process.

## Data protection outside the CDE

- Training and monitoring data in the fraud analytics environment (AWS, us-east-1) contain hashed tokens only, encrypted with KMS keys; access is restricted to the Fraud Decision Science role and reviewed quarterly.
- Cardholder contact data for alerts stays in the alerting platform and is not part of the model's data.
`;
