/**
 * SaaS metrics: MRR and its movements, churn, retention (GRR, NRR), expansion, LTV and cohort tables
 * computed from the subscriptions' history, retention forecasts with the shifted-beta-geometric model,
 * and the dashboards that show them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Metrics")
package io.kizuna.metrics;
