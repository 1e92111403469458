/**
 * Activities on an account: notes, calls, meetings, regular check-ins (定例会議), business reviews
 * and logged e-mails, with date, participants, outcome and next steps. Anyone who can see an account
 * can log one; the author (or an admin) can change or delete it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Activities")
package io.kizuna.activities;
