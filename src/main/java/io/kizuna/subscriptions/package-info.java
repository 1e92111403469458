/**
 * Subscriptions (contracts) of accounts: product, seats, price, currency and billing period, their
 * derived monthly recurring revenue (in the account's currency and the company's reporting
 * currency), and the history of every change, which later drives MRR movements.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Subscriptions")
package io.kizuna.subscriptions;
