// Narrative (Markdown) sections of the Clinical Deterioration Risk 2.0.1 demo package.

export const clinicalChangeSummary = `## Changes from 2.0.0

Version 2.0.0 ran in **silent mode** (scores computed and stored, never shown to clinicians) at all five hospitals from 1 October to 31 December 2024. Two problems found during the silent run are fixed in 2.0.1; no other change was made to features, training data or the algorithm.

| Change | Reason | Effect |
| --- | --- | --- |
| Mapping added for the SpO2 and pulse-rate flowsheet rows of the new bedside monitor interface (Philips IntelliVue via Capsule, rows 3040311040 and 3040311041) at Riverside and Westfield | Since the November 2024 monitor upgrade, 31% of SpO2 values at these two hospitals were missing from the feature pipeline | Score availability at the two hospitals back from 93.8% to 99.2% |
| Lactate harmonization: pre-June-2024 lactate values shifted by -0.2 mmol/L before recalibration | The core laboratory replaced its blood-gas analyzers in June 2024; the new method reads systematically lower | Over-prediction in the lactate 2 to 4 mmol/L range removed |
| Isotonic calibration refitted on the harmonized validation split | Follows the lactate harmonization | ECE on the 2024 holdout 0.0036 (2.0.0: 0.0071) |

## Status

2.0.1 is the first version submitted for **clinical go-live** (interruptive alerting). Go-live is planned in two waves: Central and North hospitals on 7 April 2025, East, Riverside and Westfield on 5 May 2025.

Submitted 14 February 2025 by Dr. Marcus Lee, Lead Data Scientist, Clinical Data Science, on behalf of the Clinical AI Oversight Committee sponsor, Dr. Anita Desai (Chief Medical Information Officer).
`;

export const clinicalIntendedUseMarkdown = `## Purpose

The Clinical Deterioration Risk model (CDR) estimates, every hour and whenever new vital signs or laboratory results are filed, the probability that an adult inpatient on a general ward will **deteriorate within the next 12 hours**, defined as any of: unplanned transfer to an intensive care unit, cardiac arrest (code blue), intubation or initiation of vasopressors outside the ICU, or death not preceded by a comfort-care order.

Its purpose is to give nurses and the rapid response team (RRT) earlier notice of patients who are quietly getting worse, so that a bedside assessment happens before the deterioration is obvious.

## Population and setting

| Included | Excluded |
| --- | --- |
| Adults (18 and over) admitted as inpatients or in observation status | Patients under 18 |
| Medical-surgical, telemetry, oncology and step-down units at the five acute-care hospitals (Central, North, East, Riverside, Westfield) | ICU, emergency department (including boarders), operating rooms and PACU |
| From the first set of vital signs on the unit until discharge or transfer to an excluded unit | Obstetric, psychiatric and inpatient rehabilitation units |
| | Patients with a comfort-care or hospice order (scoring stops when the order is signed) |

## Output and how it is shown

- A **score from 0 to 100** (the calibrated 12-hour probability, rescaled), shown as a column on the nursing and RRT patient lists and in the patient header, with the five largest contributing factors (for example "respiratory rate rising over 6 hours", "new oxygen requirement").
- A score of **60 or higher** (the operating point) fires a Best Practice Advisory to the primary nurse and a secure-chat message to the RRT nurse for that hospital, who is expected to assess the patient within 30 minutes and document the assessment in the deterioration note template.
- Scores are not shown to patients and do not appear in the patient portal.

## Intended users

- Registered nurses and charge nurses on the included units.
- RRT nurses and respiratory therapists.
- Hospitalists, residents and advanced practice providers, who see the score and factors on the patient list.

## What the model is not

- It is **not a diagnosis** (of sepsis or of any condition) and does not recommend a treatment.
- It does **not replace** the existing RRT calling criteria (any staff member may call the RRT at any time, for any concern) or the modified early warning score (MEWS) documented by nursing.
- A low score does not mean the patient is safe; clinical concern always takes precedence.

## Out-of-scope uses

The following uses are not approved:

- Triage, admission or ICU bed allocation decisions, and decisions to discharge or step down.
- Use in the ICU, the emergency department or for pediatric, obstetric or psychiatric patients.
- Staffing, acuity-based assignment or productivity measurement.
- Utilization review, payer communication, billing or coding.
- Research use without IRB approval, or sharing scores outside the Health System.
`;

export const clinicalDesignMarkdown = `## Approach

CDR is a gradient boosted tree classifier (XGBoost 2.0.3) trained on hourly snapshots of adult ward encounters, with isotonic calibration. Each snapshot is labelled positive when a deterioration event occurs within the following 12 hours.

Gradient boosting was preferred to logistic regression (early warning scores such as NEWS2 are additive) because physiological risk is non-linear and interacting: a heart rate of 110 means something different with a falling blood pressure and a rising lactate. It was preferred to recurrent neural networks because, on the validation split, an LSTM gained 0.004 AUROC at a large cost in explainability and operational complexity.

## Outcome definition

| Component | Source | Share of events |
| --- | --- | --- |
| Unplanned ICU transfer (not from the OR, not a planned post-procedure admission) | ADT events, planned-transfer flag | 78.4% |
| Cardiac arrest (code blue) | Resuscitation Committee registry | 4.1% |
| Intubation or vasopressor start outside the ICU | Procedure log, MAR | 6.9% |
| Death without a comfort-care order in the preceding 24 hours | ADT discharge disposition | 10.6% |

Rapid response activations are **not** part of the outcome, because after go-live many activations will be caused by the model itself. 1,200 randomly sampled events were confirmed by chart review (two nurse abstractors, kappa 0.91); 96.8% were true deterioration events.

## Data and splits

| Split | Admission dates | Hospitals | Encounters | Scored patient-hours | Event encounters |
| --- | --- | --- | --- | --- | --- |
| Train | 2019-01-01 to 2022-06-30 | Central, North, East | 171,306 | 17,644,518 | 7,195 |
| Validation and calibration | 2022-07-01 to 2023-12-31 | Central, North, East | 83,772 | 8,461,001 | 3,436 |
| Temporal and external holdout | 2024-01-01 to 2024-09-30 | All five (Riverside and Westfield unseen in training) | 58,214 | 5,862,417 | 2,387 |

Splits are by encounter and by time: no patient-hour of an encounter appears in two splits, and no training encounter is later than any holdout encounter.

## Features

112 features computed from data filed in the electronic health record (Epic) up to the snapshot time:

- **Vital signs** (heart rate, respiratory rate, systolic and diastolic blood pressure, temperature, SpO2, oxygen device and flow rate): latest value, 6-, 12- and 24-hour minimum, maximum and slope.
- **Laboratory results** (lactate, white cell count, hemoglobin, platelets, creatinine, BUN, sodium, potassium, bicarbonate, glucose, bilirubin, troponin): latest value and change from the previous result.
- **Nursing assessments**: level of consciousness (ACVPU), Glasgow Coma Scale when documented, Braden score, pain score.
- **Context**: age, hours since admission, hours since arrival on the unit, admission source, surgery in the past 48 hours.
- **Measurement process**: hours since the last measurement of each vital sign, which captures how often nurses are checking the patient.

Race, ethnicity, sex, preferred language, insurance and ZIP code are **not** model inputs. They are used only for the subgroup evaluation. Age is an input because it is a well-established physiological risk factor.

Missing values are handled natively by XGBoost; values are carried forward for at most 12 hours (vital signs) or 48 hours (laboratory results), after which they are treated as missing.

## Training and calibration

- 800 trees, depth 6, learning rate 0.05, subsample 0.8, column sample 0.6; hyperparameters from 80 trials on the validation split (objective: log loss).
- Positive snapshots are up-weighted so that each event encounter has the same total weight regardless of length of stay.
- Isotonic regression on the validation split (lactate-harmonized in 2.0.1).

## Choice of the operating point

The alert threshold of 60 was chosen with nursing leadership by simulating alert volumes on the validation split:

| Threshold | Sensitivity (event encounters alerted within 12 h) | PPV (alerts followed by an event within 12 h) | Alerts per 100 patient-days |
| --- | --- | --- | --- |
| 50 | 0.78 | 0.17 | 4.6 |
| **60** | **0.71** | **0.24** | **2.9** |
| 70 | 0.61 | 0.31 | 1.9 |

At 60, a 30-bed unit receives on average about one alert per day, which the nursing practice council judged sustainable.

## Explanations

The five largest factors for each score come from TreeSHAP contributions, grouped into 34 clinician-facing factor labels written by the nursing informatics team and reviewed by the Clinical AI Oversight Committee. This supports the clinician's ability to review the basis for the alert, although (see the regulatory cross-references) the Health System does not rely on that to claim the non-device CDS exclusion.

## Assumptions and trade-offs

- Documentation timing reflects care: a vital sign is assumed to be filed within 60 minutes of measurement (median filing delay in 2024: 14 minutes).
- The measurement-process features make the model partly learn from nurses' concern; this improves sensitivity but means the model is not independent of clinical judgment and can lag when a patient is under-observed at night.
- Observation-level AUROC (0.942) is inflated by the many easy negative hours of stable patients; the **encounter-level AUROC is 0.873**, and sensitivity, PPV and alert burden at the operating point are the metrics that matter clinically.
`;

export const clinicalHumanOversightMarkdown = `## Clinical workflow and human judgment

- Every alert is reviewed by a nurse at the bedside; the model never triggers an order, a transfer or a call on its own.
- The RRT nurse documents the assessment and its outcome (no action, increased monitoring, provider notified, RRT activation, ICU consult). A nurse may dismiss the alert with a reason; dismissal reasons are reviewed monthly.
- After an alert is acknowledged, repeat alerts for the same patient are suppressed for 8 hours unless the score rises by 15 points.

## Governance

- **Owner**: Clinical Data Science (Dr. Marcus Lee), with Nursing Informatics (Karen O'Neill, RN, Director) as clinical owner.
- **Oversight**: the Clinical AI Oversight Committee, chaired by the Chief Medical Information Officer, reviews the monitoring dashboard monthly for the first six months and quarterly thereafter, and reports to the Quality and Patient Safety Committee of the Board.
- **Safety reporting**: any event where the model may have contributed to harm is reported in the safety event system with the category "AI / clinical decision support" and reviewed within 72 hours.

## Monitoring plan

| Monitor | Frequency | Trigger | Action |
| --- | --- | --- | --- |
| Score availability (share of eligible patient-hours with a valid score) | Daily, automated | below 98% for 24 hours | Page the on-call data engineer; investigate interface changes |
| Input drift (PSI of the 25 most important features, per hospital) | Weekly | PSI at or above 0.2 | Feature review with Nursing Informatics and the laboratory |
| Alert volume per 100 patient-days, per unit | Weekly | above 4.0 or below 1.5 | Review with unit nurse managers |
| Sensitivity and PPV at the operating point (events confirmed from ADT and registries) | Monthly | sensitivity below 0.65 or PPV below 0.20 | Re-review trigger |
| Calibration drift (change in ECE against the holdout baseline) | Monthly | at or above 0.01 | Recalibration assessment |
| Subgroup sensitivity and AUROC (age band, sex, race and ethnicity, payer) | Quarterly | any group below the subgroup thresholds | Health equity review and re-review |
| Alert response (share assessed within 30 minutes) and dismissal reasons | Monthly | response below 80% | Nursing practice council |

Because alerts lead to interventions that prevent some events, observed sensitivity and PPV after go-live will understate the model's discrimination. The monitoring therefore also tracks, on a random 5% of eligible patient-hours where the score is computed but the alert is withheld (approved by the committee as part of the quality-improvement evaluation), the same metrics without intervention effects.

## Re-review triggers

1. Any monitoring trigger that persists for two consecutive periods, or any subgroup trigger.
2. A change to a source system that feeds the model: EHR upgrade affecting flowsheets, new bedside monitors, laboratory method changes.
3. Extension to a new hospital, unit type or population.
4. A safety event in which the model is judged to have contributed to harm.
5. Annual review, no later than 12 months after go-live.

## Rollback plan

- The alert (Best Practice Advisory and secure-chat message) can be disabled by Epic application analysts in **under one hour** through a build toggle, without a code release, on the decision of the CMIO, the Chief Nursing Officer or the administrator on call.
- The score column can be hidden separately, so that alerting can stop while scores continue to be stored for analysis.
- The MEWS, documented by nursing on every vital-sign set, and the RRT calling criteria remain in place and are the fallback.
- The rollback was rehearsed in the test environment on 6 February 2025.
`;

export const clinicalValidationMarkdown = `## Validation summary

Independent validation was performed by the **AI Assurance Lab**, which reports to the Chief Quality Officer and had no part in development.

- **Report**: AAL-VR-2025-004, issued 10 February 2025
- **Lead**: Dr. Samuel Ortiz, Director, AI Assurance Lab; clinical reviewer Dr. Grace Kim, hospitalist; nursing reviewer Michael Brandt, RN
- **Scope**: data and label quality, performance on the temporal and external holdout, prospective silent-mode performance (1 October to 31 December 2024), subgroup performance, usability of the explanation display, and implementation parity.

## Results

| Evaluation | AUROC (observation level) | AUROC (encounter level) | Sensitivity at 60 | PPV at 60 | Alerts per 100 patient-days |
| --- | --- | --- | --- | --- | --- |
| Temporal holdout, Central / North / East | 0.944 | 0.876 | 0.72 | 0.25 | 2.8 |
| External holdout, Riverside / Westfield (unseen in training) | 0.936 | 0.864 | 0.69 | 0.22 | 3.1 |
| Prospective silent mode, all five hospitals, 2.0.1 replayed | 0.938 | 0.869 | 0.70 | 0.23 | 3.0 |
| Comparator: MEWS of 5 or more on the same holdout | 0.803 | 0.741 | 0.52 | 0.11 | 6.4 |

The model identifies more deteriorating patients than MEWS with less than half of MEWS's alert volume.

## Findings

| ID | Severity | Finding | Response |
| --- | --- | --- | --- |
| V-01 | Medium | Sensitivity for patients aged 80 and over is 0.67, close to the 0.65 threshold; deterioration in this group is more often preceded by subtle mental-status changes that are documented inconsistently. | Accepted. Quarterly subgroup monitoring; Nursing Informatics to add a structured delirium screen (CAM) to the flowsheet by Q3 2025. |
| V-02 | Medium | SpO2 overestimates arterial saturation in patients with darker skin pigmentation (FDA safety communication, 2021). Simulated occult hypoxemia (SpO2 shifted by +2 points for Black patients) lowers their sensitivity from 0.70 to 0.67. | Accepted. Monitored as a risk; arterial blood gas values take precedence when available. Re-evaluate when the monitor fleet is replaced. |
| V-03 | Low | 2.7% of scores use vital signs more than 4 hours old, mostly between 01:00 and 05:00. | A "last vitals" timestamp is shown next to the score. |
| V-04 | Low | The clinician-facing factor labels for two laboratory features were ambiguous in usability testing (8 nurses). | Labels reworded and retested before submission. |

Implementation parity: on 20,000 replayed patient-hours, production and validation scores agree to 1e-6; the feature pipeline's SpO2 mapping fix was verified at Riverside and Westfield.

## Conclusion

The AI Assurance Lab finds the model **fit for the intended use** on the included units, with performance that generalizes to the two hospitals not seen in training and to prospective data. No High findings. The Lab recommends go-live with the monitoring plan as described and a focused review of the 80-and-over and Black patient subgroups at six months.
`;

export const clinicalSecurityMarkdown = `## Architecture

- Data flow: Epic sends ADT, flowsheet and result messages in real time (HL7 v2 through the Rhapsody interface engine) to the **cdr-scoring** service in the Health System's Azure tenant (private endpoints only, no internet egress). Scores and factors are written back to Epic as flowsheet values through an authenticated Epic web service.
- The service runs as two replicas in each of two Azure regions; scoring latency p95 is 180 ms from message receipt.
- Microsoft is covered by the Health System's business associate agreement (BAA) for the services used.

## HIPAA technical safeguards (45 CFR 164.312)

| Safeguard | Implementation |
| --- | --- |
| Access control, 164.312(a)(1) | Unique identities in Entra ID; role-based access through privileged identity management with just-in-time elevation; no standing human access to production PHI; automatic session time-out of 15 minutes on administrative consoles. |
| Encryption, 164.312(a)(2)(iv) and (e)(2)(ii) | PHI encrypted at rest (AES-256, customer-managed keys in Key Vault) and in transit (TLS 1.2 or higher; the interface engine link uses mutual TLS). |
| Audit controls, 164.312(b) | All access to the scoring store and to development data is logged to the SIEM (Sentinel) and retained for 6 years; monthly review by the Privacy Office. |
| Integrity, 164.312(c)(1) | Scores written back to Epic carry the model version and a message digest; the model artifact is signed and its digest is checked at start-up. |
| Person or entity authentication, 164.312(d) | Phishing-resistant MFA for all administrators; service-to-service authentication with managed identities and certificates. |
| Transmission security, 164.312(e)(1) | Private network links only; no PHI leaves the tenant. |

## Development environment and minimum necessary

- Development uses a **de-identified** dataset certified by expert determination (45 CFR 164.514(b)(1)): dates shifted per patient, ages over 89 aggregated, free text removed, identifiers replaced by study ids. The re-identification key is held by the Data Trust Office.
- Only the data elements needed for the 112 features and the outcome are extracted (45 CFR 164.502(b), 164.514(d)).
- Substance use disorder program records covered by 42 CFR Part 2 are excluded from extraction.

## Change control and testing

- Changes go through the Health System's change advisory board; Epic build changes (alert, columns) follow the Epic change process with testing in the TST and PLY environments.
- The deployment pipeline refuses an artifact whose digest differs from the one approved in this package, and runs a replay test of 20,000 patient-hours before promotion.
- The service is included in the annual HIPAA security risk analysis (45 CFR 164.308(a)(1)(ii)(A)); the last penetration test (January 2025) found no high or critical issues.
- Downtime: during Epic downtime, scoring pauses and the score column shows "unavailable"; downtime procedures rely on MEWS and RRT criteria.
`;
