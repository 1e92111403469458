/**
 * The customer record: accounts (the customer companies) with their domains, size, lifecycle stage,
 * owners, CRM ids and contacts, and the audit history of every change to them. Other modules add to
 * the record through {@link io.kizuna.accounts.AccountRecords} and learn of its changes from
 * {@link io.kizuna.accounts.AccountChanged}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts")
package io.kizuna.accounts;
