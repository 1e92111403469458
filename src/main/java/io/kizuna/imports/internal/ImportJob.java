package io.kizuna.imports.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.kizuna.identity.UserId;

/**
 * One uploaded file on its way in. {@code mapping} holds, for each column in order, the field it
 * fills (empty: ignored).
 */
public record ImportJob(UUID id, String kind, String fileName, String charset, int rowCount, List<String> mapping,
		Status status, Counts counts, String failure, UserId createdBy, Instant createdAt, Instant finishedAt) {

	public enum Status {
		UPLOADED, CHECKED, RUNNING, DONE, FAILED
	}

	/** Rows valid and rejected by the check; records created, updated and unchanged by the run. */
	public record Counts(Integer valid, Integer rejected, Integer created, Integer updated, Integer unchanged) {

		static final Counts NONE = new Counts(null, null, null, null, null);
	}
}
