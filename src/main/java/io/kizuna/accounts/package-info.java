/**
 * The customer record: accounts (the customer companies) with their domains, size, lifecycle stage,
 * owners and CRM ids. Contacts, subscriptions, activities and the timeline join it next.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts")
package io.kizuna.accounts;
