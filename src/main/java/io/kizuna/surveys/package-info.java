/**
 * Survey answers: NPS (0–10) and CSAT (1–5) scores per account and contact, as they arrive from the
 * API, from CSV imports and (later) from the surveys Kizuna sends itself. Metrics turns them into
 * NPS and CSAT over time.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Surveys")
package io.kizuna.surveys;
