// Narrative (Markdown) sections of the Retail Credit PD 4.2.0 demo package.
// Sections that do not change in the resubmission are shared by both versions.

export const intendedUseMarkdown = `## Purpose

Retail Credit PD 4.2.0 estimates, for a new applicant for unsecured consumer credit, the probability that the account will reach 90 or more days past due, be charged off, or be included in a bankruptcy filing within **18 months of account opening** (the Bank's standard retail default definition, policy CRP-114 §3.2).

The estimate is one input to the origination decision. It replaces Retail Credit PD 4.1.3, which has been in production since September 2022.

## Products and decisions in scope

| Product | Channels | Decision the score informs | 2024 application volume |
| --- | --- | --- | --- |
| Unsecured personal loan ($2,000 to $50,000, 24 to 72 months) | Branch, online, mobile | Approve / decline; risk-based pricing tier (A to E) | 486,200 |
| Credit card (Classic, Cash Back, Rewards) | Online, mobile, branch | Approve / decline; input to initial credit line assignment | 1,118,900 |
| Overdraft line of credit ($500 to $5,000) | Online, branch | Approve / decline | 94,300 |

## How the score is used

1. The decision engine (DecisionHub 9.4) calls the scoring service after the fraud, identity (CIP) and policy checks have passed.
2. The PD is compared with the product cut-off set by Consumer Credit Policy (currently **6.5%** for personal loans, **7.0%** for cards and **5.0%** for overdraft lines).
3. Applications with a PD within 1.0 percentage point of the cut-off are routed to the **judgmental review band**, where a credit analyst in the Consumer Underwriting Center decides, with documented reasons, under the override policy CRP-131.
4. For declined applications, the top four adverse action reasons are produced from the model's feature contributions and sent with the notice required by Regulation B (12 CFR 1002.9) and FCRA §615(a).

## Users

- **Automated**: DecisionHub origination flows for the three products above.
- **Human**: credit analysts and underwriting managers in the Consumer Underwriting Center (Charlotte and Phoenix), who see the PD, the risk grade and the reason codes on the underwriting workstation.
- **Oversight**: Consumer Credit Policy (cut-offs), Model Risk Management (monitoring), Fair Lending Compliance (testing).

## Deployment scope

- All states in the Bank's branch footprint and online applicants nationwide, US residents with a Social Security number or ITIN and a bureau file with at least one trade line.
- Planned go-live on **2 June 2025**, after an eight-week parallel run in which 4.2.0 scores every application in shadow while 4.1.3 keeps deciding.

## Out-of-scope uses

The following uses are **not** approved and must not consume this score without a separate model approval:

- Account management decisions: credit line increases or decreases, authorizations over limit, collections prioritization (covered by Behavior Score BHV-3).
- Secured lending (auto, mortgage, HELOC) and small business credit.
- CECL allowance estimation or stress testing (CCAR / DFAST loss models are separate).
- Prescreened firm offers of credit under FCRA §604(c).
- Applicants with no bureau file or no trade line ("no-hit" and "thin-file"), who are routed to the Thin File Score TFS-2.
- Any use of the proxy race, ethnicity or sex estimates (BISG / BIFSG) in an individual decision. Those estimates exist only in the fair lending testing environment.
`;

const designApproach = `## Approach

Retail Credit PD 4.2.0 is a **gradient boosted decision tree** classifier (LightGBM 4.3.0) trained on 2.87 million applications, followed by an isotonic calibration layer that maps the raw margin to a probability of default.

Gradient boosting was chosen over the logistic regression scorecard used before 4.1.x because it captures interactions between utilization, payment trends and recent inquiries without hand-built segments. It also handles the missing values typical of bureau attributes natively. The trade-off is interpretability: it is addressed with monotonic constraints, TreeSHAP-based reason codes and a benchmark scorecard maintained alongside the model.

## Target definition

- **Bad**: 90+ days past due, charge-off, or bankruptcy within 18 months of opening.
- **Good**: current or less than 30 days past due at month 18, not closed for cause.
- **Indeterminate** (excluded from training, 3.1% of booked accounts): 30 to 89 days past due at month 18 without ever reaching 90+.
- **Declined applicants**: outcomes inferred with fuzzy augmentation, using bureau performance on trades the applicant opened elsewhere within 12 months of the decline (available for 38% of declines); the rest are weighted by the parcel bad rate of their score band.

## Data and sampling

| Split | Application dates | Rows | Bad rate (booked + inferred) | Use |
| --- | --- | --- | --- | --- |
| Train | 2019-07-01 to 2021-12-31 | 2,011,604 | 5.4% | Fitting |
| Validation | 2022-01-01 to 2022-12-31 | 856,570 | 5.9% | Early stopping, hyperparameters, calibration |
| Out-of-time holdout | 2023-01-01 to 2023-06-30 | 418,236 | 5.6% | Evaluation only (see Evaluation section) |

Pandemic-era applications (April 2020 to June 2021) are kept but down-weighted by 0.5, because forbearance programs suppressed delinquency in that period.
`;

const designFeaturesCommon = `## Features

64 features were selected from 1,872 candidates:

- 1,402 Experian Premier Attributes and 298 Trended 3D attributes (balances, payments and utilization over 24 months);
- 41 application attributes (stated income, housing status, requested amount, employment tenure);
- 131 deposit relationship attributes for existing customers (average balances, inflow regularity, NSF events).

Selection steps: information value at least 0.02; pairwise Spearman correlation pruning at 0.85; recursive elimination by mean absolute SHAP on the validation split; then a **feature-by-feature review** by Fair Lending and Legal for prohibited-basis concerns and for whether each feature can support a specific, accurate adverse action reason.

The model does **not** use age, sex, marital status, race, ethnicity, national origin, religion, ZIP code or census tract, or whether income comes from public assistance. Income from public assistance, alimony, pensions and part-time work is counted like other verified income (12 CFR 1002.6(b)(5)).
`;

const designCalibrationAndReasons = `## Calibration

Isotonic regression fitted on the validation split, then an intercept shift so that the mean PD on the through-the-cycle reference period (2015 to 2023) equals the long-run average default rate of 5.2%. The calibrated PD is what the cut-offs apply to.

## Adverse action reasons

Reasons are derived from TreeSHAP contributions computed against a reference applicant whose PD equals the cut-off. Contributions are aggregated to 48 reason statements (several features can map to one statement), ranked, and the top four statements are returned. Legal reviewed every statement against Regulation B and CFPB Circular 2022-03 (specific and accurate reasons are required even when the model is complex).
`;

export const designMethodologyV1Markdown = `${designApproach}
${designFeaturesCommon}
## Training configuration

- 1,150 trees (early stopping at 100 rounds without improvement), learning rate 0.02, 31 leaves, minimum 500 applications per leaf, feature fraction 0.7, bagging fraction 0.8, L2 penalty 10.
- Monotonic constraints on 21 features where credit theory gives a clear direction (for example, more 90+ day delinquencies never lower the risk; higher revolving utilization never lowers the risk).
- Hyperparameters tuned with 120 Optuna trials on the validation split, objective: validation log loss.

${designCalibrationAndReasons}
## Comparison with the production model

| Metric (out-of-time holdout) | 4.1.3 (production) | 4.2.0 |
| --- | --- | --- |
| AUC | 0.752 | 0.781 |
| KS | 0.389 | 0.421 |
| Bad rate of approved applications at constant approval rate | 3.74% | 3.41% |

At the current cut-offs the Bank expects about 14,000 more approvals per year at the same loss rate, or about $11.8 million less in annual charge-offs at the same approval rate.

## Key assumptions and trade-offs

- The relationship between bureau behavior and default observed in 2019 to 2022 holds in 2025, adjusted for the pandemic down-weighting.
- Inferred outcomes of declined applicants are unbiased on average; sensitivity runs with plus and minus 20% on inferred bad rates move AUC by less than 0.004.
- Boosted trees were preferred to a scorecard for a 0.022 AUC gain over MRM's benchmark logistic scorecard (0.759); the scorecard is kept as benchmark and fallback.
`;

export const designMethodologyV2Markdown = `${designApproach}
${designFeaturesCommon}
In this resubmission the ratio of stated income to bureau-estimated income was **removed** and replaced with the debt-to-income ratio on verified income (see below), so the model still has 64 features.

## Training configuration

- 1,180 trees (early stopping at 100 rounds without improvement), learning rate 0.02, 31 leaves, minimum 500 applications per leaf, feature fraction 0.7, bagging fraction 0.8, L2 penalty 10.
- Monotonic constraints on **38 features** (21 in the first submission) where credit theory gives a clear direction, now including months since most recent trade opened, age of oldest trade and months since most recent inquiry.
- Training sample **reweighed** by age band and outcome (see below).
- Hyperparameters tuned with 120 Optuna trials on the validation split, objective: validation log loss.

${designCalibrationAndReasons}
## Changes in resubmission 2 (fair lending remediation)

The first submission of this package was rejected by Fair Lending Compliance on 28 March 2025 because the approval-rate ratio of applicants aged 62 and over was **0.78**, below the 0.80 policy threshold (validation finding F-01). This resubmission replaces the model with a less discriminatory alternative (LDA).

### Root cause

A SHAP decomposition of the approval gap between applicants aged 62+ and 25 to 61 attributed 71% of the gap to three features:

| Feature | Share of the gap | Mechanism |
| --- | --- | --- |
| Months since most recent trade opened | 38% | Risk rose again above 48 months (U-shape): applicants who rarely open new accounts were treated as riskier. |
| Ratio of stated income to bureau-estimated income | 21% | The bureau income estimate understates pension and Social Security income, so retirees' stated income looked inflated. |
| Trades opened in the last 24 months = 0 | 12% | Read as "inactive file" although the oldest trade is often 30+ years old. |

The model also over-predicted risk for 62+ applicants (predicted 4.1% against observed 3.2%), so the gap was not justified by observed performance.

### Remediation

1. **Monotonic constraints extended from 21 to 38 features**: a longer quiet period or an older file can no longer increase the PD.
2. **Income-ratio feature removed** and replaced with the debt-to-income ratio computed on verified income, which already counts pension and Social Security income.
3. **Reweighing** (Kamiran and Calders) of the training sample by age band (under 62 / 62+) and outcome, so that both bands contribute equally to each outcome's loss. Age is used **only as a development-time sample weight**: it is not a model input and is not available at scoring time. Legal memorandum LGL-2025-0412 concluded that this use is consistent with 12 CFR 1002.6(b)(2) and the Bank's LDA search procedure.
4. **LDA search** over 46 candidate models (combinations of the changes above, feature drops and regularization settings). The selection rule, fixed before the results were known, picks the best approval-rate ratio among candidates whose AUC is within 0.010 of the first submission: candidate LDA-17.

### Effect

| Metric (out-of-time holdout) | 4.1.3 (production) | 4.2.0, first submission | 4.2.0, resubmission (LDA-17) |
| --- | --- | --- | --- |
| AUC | 0.752 | 0.781 | 0.774 |
| KS | 0.389 | 0.421 | 0.412 |
| Brier score | 0.0441 | 0.0412 | 0.0415 |
| Approval-rate ratio, age 62+ | 0.81 | 0.78 | 0.86 |
| Approval-rate ratio, Black (BISG) | 0.85 | 0.84 | 0.88 |
| Bad rate of approved applications at constant approval rate | 3.74% | 3.41% | 3.46% |

The AUC loss of 0.007 keeps the model well above the 0.75 policy threshold and still 0.022 above the production model. The expected cost is about $1.6 million a year in additional charge-offs at constant approval rate, accepted by the Consumer Credit Risk Committee on 15 April 2025.

## Key assumptions and trade-offs

- The relationship between bureau behavior and default observed in 2019 to 2022 holds in 2025, adjusted for the pandemic down-weighting.
- Inferred outcomes of declined applicants are unbiased on average; sensitivity runs with plus and minus 20% on inferred bad rates move AUC by less than 0.004.
- A 0.007 AUC loss was accepted in exchange for an approval-rate ratio for applicants aged 62+ of 0.86 instead of 0.78.
- Boosted trees were preferred to a scorecard for a 0.015 AUC gain over MRM's benchmark logistic scorecard (0.759); the scorecard is kept as benchmark and fallback.
`;

export const humanOversightMarkdown = `## Human decision points

- **Judgmental review band**: applications within 1.0 percentage point of the cut-off are decided by a credit analyst, who may approve or decline against the score with a documented reason code from policy CRP-131. Overrides are reviewed monthly by Consumer Credit Policy; an override rate above 8% in any product triggers a review of the cut-off.
- **Second look**: declined applications of existing deposit customers with 24+ months of relationship are re-reviewed by an underwriting manager before the notice is sent.
- **Cut-off changes** are made only by Consumer Credit Policy, through the decision engine's change process (two-person approval), never by the model owners.

## Monitoring plan

Monitoring is run by the Model Performance Monitoring team (Model Risk Management) on the Bank's monitoring platform, with results published to the model inventory and reported quarterly to the Model Risk Committee.

| Monitor | Frequency | Amber | Red | Action on red |
| --- | --- | --- | --- | --- |
| Score PSI (development vs current month) | Monthly | 0.10 | 0.25 | Root-cause within 10 business days; MRM notified |
| Characteristic stability (CSI) of the 20 most important features | Monthly | 0.10 | 0.25 | Feature review; vendor inquiry if bureau attribute |
| AUC on accounts with 12-month early-read performance | Quarterly | below 0.74 | below 0.72 | Re-review trigger |
| Observed / expected bad rate by score decile (binomial test) | Quarterly | 1 decile failing | 3 deciles failing or overall ratio outside 0.85 to 1.15 | Recalibration assessment |
| Approval-rate ratio by age band (self-reported date of birth) | Monthly | below 0.82 | below 0.80 | Fair Lending escalation, re-review trigger |
| Approval-rate ratio by proxy race / ethnicity (BISG) and sex (BIFSG) | Quarterly | below 0.82 | below 0.80 | Fair Lending escalation, re-review trigger |
| Override rate, by product and direction | Monthly | 6% | 8% | Policy review |
| Adverse action reason distribution (top-4 shares) | Monthly | shift of 5 points | shift of 10 points | Reason-code review with Legal |

## Re-review triggers

The model returns to the approval workflow when any of the following occurs:

1. A red monitor that persists two consecutive periods, or any red fair lending monitor.
2. A change by Experian to the definition of any attribute used by the model (vendor change notices are tracked by Data Governance).
3. A cut-off change of more than 50 basis points of PD, or use in a new product or channel.
4. Annual review, due **no later than 12 months after approval**.
5. Unemployment rate rising by more than 2 percentage points over 12 months (macro trigger from the Bank's stress testing framework).

## Rollback plan

- Production model 4.1.3 stays deployed in the scoring service as the **fallback** for 12 months after go-live and keeps scoring every application in shadow.
- Switching back is a configuration change in DecisionHub (feature flag \`pd_model_version\`), executed under the emergency change procedure by Consumer Lending Technology within **4 hours** of a decision by the Head of Consumer Credit Risk or the Model Risk Officer.
- The rollback is rehearsed during the parallel run; a switch completed within the 4-hour target with no failed decisions is a go-live criterion.
- Cut-offs for 4.1.3 are kept current by Consumer Credit Policy so that a rollback does not change approval rates materially.
`;

export const validationFindingsV1Markdown = `## Validation summary

Independent validation was performed by Model Risk Management (MRM), which reports to the Chief Risk Officer and is independent of Consumer Credit Risk Analytics.

- **Report**: VR-2025-031, issued 7 March 2025
- **Lead validator**: Priya Raman, Lead Quantitative Validator
- **Reviewed by**: Thomas Berg, Head of Model Validation
- **Scope**: full validation (new algorithm and material changes to data, target and features), under the Bank's Model Risk Management Policy MRM-001 and SR 11-7.

## Work performed

1. **Conceptual soundness**: review of target definition, reject inference, feature selection, constraints and calibration; comparison with industry practice for unsecured consumer PD.
2. **Data integrity**: reconciliation of the development sample with the loan origination system (row counts within 0.01%), bureau archive match rate (99.3%), and leakage checks (no attribute observed after the application date).
3. **Replication**: independent rebuild in MRM's environment from the same sample; AUC of the rebuilt model within 0.002 of the developer's; calibration curve within 0.1 percentage point in every decile.
4. **Benchmarking**: MRM challenger logistic scorecard (AUC 0.759) and production model 4.1.3 (AUC 0.752).
5. **Outcomes analysis**: out-of-time holdout, plus 2020 and 2022 vintages separately.
6. **Sensitivity and stress**: reject inference assumptions (plus and minus 20%), removal of deposit features, simulated 2008-like deterioration of bureau attributes.
7. **Implementation testing**: parity between the development model and the scoring service on 50,000 applications (maximum absolute PD difference 1.2e-7).
8. **Fair lending testing** with Fair Lending Compliance: approval-rate ratios at cut-off by age band, BISG race / ethnicity and BIFSG sex.

## Findings

| ID | Severity | Finding | Status |
| --- | --- | --- | --- |
| F-01 | High | Approval-rate ratio for applicants aged 62+ is 0.78, below the 0.80 policy threshold. The model also over-predicts their risk (4.1% predicted, 3.2% observed), so the disparity is not supported by performance. | Open: referred to Fair Lending Compliance (case FL-2025-014) |
| F-02 | Medium | Two features (months since most recent trade opened; trades opened in the last 24 months) map to the reason statement "Insufficient recent credit history", which can be inaccurate for applicants with long, inactive files. | Open |
| F-03 | Medium | In the 2020 vintage the highest-risk decile is under-predicted by 0.9 percentage point. | Open: management overlay of +0.5 point proposed for the top decile |
| F-04 | Low | The hyperparameter search is not fully documented (trial history exported but not described in the development document). | Open |

## Conclusion

The model is conceptually sound, accurately implemented and performs materially better than the production model. **MRM does not recommend approval until F-01 is remediated**, because a High finding with fair lending implications is outstanding. F-02 should be closed together with F-01, since both concern the treatment of long, inactive credit files. F-03 and F-04 may be closed after approval under tracked action plans.
`;

export const validationFindingsV2Markdown = `## Validation summary

This is MRM's revalidation of the resubmitted model (LDA-17), which replaces the model validated in VR-2025-031.

- **Report**: VR-2025-031-A1 (addendum), issued 18 April 2025
- **Lead validator**: Priya Raman, Lead Quantitative Validator
- **Reviewed by**: Thomas Berg, Head of Model Validation
- **Scope**: targeted revalidation of the changes listed in the Design and methodology section (constraints, feature replacement, reweighing, LDA search), plus full replication and outcomes analysis of the new model. Data, target and calibration procedure are unchanged and were not re-reviewed.

## Work performed

1. **LDA search review**: MRM re-ran 10 of the 46 candidates independently and reproduced their AUC and approval-rate ratios within 0.002 and 0.01. The selection rule was fixed before the search results were known (memo CCRA-2025-019, dated 31 March 2025).
2. **Reweighing review**: confirmed that age is used only as a sample weight during training, is not among the model inputs, and cannot be reconstructed from the scoring service's inputs.
3. **Replication**: independent rebuild, AUC within 0.001 of the developer's.
4. **Outcomes analysis**: AUC 0.774 on the out-of-time holdout (0.781 before), KS 0.412, Brier 0.0415; all deciles pass the binomial calibration test.
5. **Fair lending testing** with Fair Lending Compliance: all approval-rate ratios at or above 0.85.
6. **Implementation testing**: parity on 50,000 applications (maximum absolute PD difference 9.8e-8).

## Findings

| ID | Severity | Finding | Status |
| --- | --- | --- | --- |
| F-01 | High | Approval-rate ratio for applicants aged 62+ below threshold. | **Closed**: ratio now 0.86; over-prediction for 62+ reduced to 0.3 point. |
| F-02 | Medium | Reason statement inaccurate for long, inactive files. | **Closed**: with the monotonic constraint, "months since most recent trade opened" can no longer produce an adverse reason above 48 months; the statement was reworded and approved by Legal. |
| F-03 | Medium | Under-prediction of the top decile in the 2020 vintage. | Open: management overlay of +0.5 point implemented in the decision engine; due 30 September 2025. |
| F-04 | Low | Hyperparameter search documentation. | **Closed**: development document section 6.3 added. |
| F-05 | Low | New: the LDA reduces AUC by 0.007 and raises the expected approved-population bad rate by 0.05 point. | Noted: accepted by the Consumer Credit Risk Committee on 15 April 2025. |

## Conclusion

The High finding is closed. MRM rates the model **"Satisfactory: fit for purpose"** for the uses listed in the Intended use section, subject to the open action plan on F-03 and the monitoring plan in the Human oversight section. MRM recommends an annual review and a targeted review after the first two quarters of production fair lending monitoring.
`;

export const securityControlsMarkdown = `## Architecture

- The model is served by the **retail-pd-scoring** service (Python 3.11, LightGBM 4.3.0) running in the Bank's private Kubernetes platform (EKS, us-east-1 and us-east-2), reachable only from DecisionHub through an internal load balancer.
- p99 latency 38 ms at 600 requests per second in the load test of 24 February 2025; 99.95% availability target, active-active across two regions.

## Model artifact integrity

- The trained model, calibration map and reason-code table are registered as one versioned artifact in the model registry (MLflow) with its SHA-256 digest; the digest is recorded in the change ticket and in the model inventory.
- The container image embeds the artifact and is signed at build time (Sigstore cosign); the admission controller refuses unsigned images or images whose digest is not the one recorded in the change ticket.

## Access control and segregation of duties

- Model developers have no write access to production. Promotion runs only through the CI/CD pipeline after a ServiceNow change (CHG) approved by the Change Advisory Board and by MRM, with evidence attached.
- Production IAM roles follow least privilege; access is reviewed quarterly and break-glass access is logged and reviewed within 24 hours.
- The BISG / BIFSG proxy data lives in a separate restricted account (fair lending analytics) and is not reachable from the development or scoring environments.

## Data protection

- Data at rest is encrypted with AWS KMS customer-managed keys (rotated annually); in transit with TLS 1.2+ and mutual TLS between DecisionHub and the scoring service.
- Only the 64 model inputs are sent to the scoring service; no name, SSN or address is transmitted.
- The development environment uses tokenized identifiers; re-identification keys are held by Data Governance.

## Logging and record retention

- Every score is logged with application id, timestamp, model version, artifact digest, input hash, PD, decision band and the four reason codes.
- Logs are retained for **25 months** after the notice of action taken (12 CFR 1002.12(b)) and longer where litigation holds apply; they are write-once (S3 Object Lock, compliance mode).

## Testing and change control

- Unit and regression tests on the scoring code; a golden set of 10,000 applications must reproduce PDs to 1e-6 before any deployment.
- Vulnerability scanning of the image on every build and weekly in production; penetration test of the scoring API completed 12 February 2025 (no high findings).
- The service is in scope for SOX IT general controls (change management, access, operations) as part of the consumer lending decision process.
`;
