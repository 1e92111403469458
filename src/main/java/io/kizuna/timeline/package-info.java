/**
 * The timeline: one chronological feed per account of everything that happens to it, written from
 * the events of the other modules (account edits, subscription changes, activities; tickets, usage,
 * health and surveys as they arrive) and pushed live to every open account page.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Timeline")
package io.kizuna.timeline;
