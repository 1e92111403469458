package io.kizuna.activities.internal;

import java.time.LocalDateTime;
import java.time.ZoneId;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.kizuna.activities.ActivityKind;

import org.springframework.format.annotation.DateTimeFormat;

/** The activity form; the time is entered in the person's own time zone. */
public class ActivityForm {

	@NotNull
	private ActivityKind kind = ActivityKind.NOTE;

	@NotNull
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
	private LocalDateTime occurredAt;

	@NotBlank
	@Size(max = 200)
	private String subject;

	@Size(max = 1000)
	private String participants;

	@Size(max = 4000)
	private String outcome;

	@Size(max = 2000)
	private String nextSteps;

	ActivityDetails toDetails(ZoneId zone) {
		return new ActivityDetails(kind, occurredAt.atZone(zone).toInstant(), subject, participants, outcome,
				nextSteps);
	}

	public ActivityKind getKind() { return kind; }
	public void setKind(ActivityKind kind) { this.kind = kind; }
	public LocalDateTime getOccurredAt() { return occurredAt; }
	public void setOccurredAt(LocalDateTime occurredAt) { this.occurredAt = occurredAt; }
	public String getSubject() { return subject; }
	public void setSubject(String subject) { this.subject = subject; }
	public String getParticipants() { return participants; }
	public void setParticipants(String participants) { this.participants = participants; }
	public String getOutcome() { return outcome; }
	public void setOutcome(String outcome) { this.outcome = outcome; }
	public String getNextSteps() { return nextSteps; }
	public void setNextSteps(String nextSteps) { this.nextSteps = nextSteps; }
}
