/**
 * Customer health: scorecards an admin defines (measures on usage, surveys, billing, contract age and a
 * CSM's sentiment, with weights and bands), scores kept up to date within seconds of the signals that
 * move them, their daily history and explanation, CSM overrides, and a backtest of how well a scorecard
 * would have told the customers who later churned from those who stayed.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Health")
package io.kizuna.health;
