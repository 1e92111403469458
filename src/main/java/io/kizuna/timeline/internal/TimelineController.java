package io.kizuna.timeline.internal;

import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

import io.kizuna.accounts.AccountId;
import io.kizuna.accounts.AccountRecords;
import io.kizuna.identity.UserDirectory;
import io.kizuna.shared.Money;

import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** An account's timeline (an htmx fragment of the account page) and its live stream of changes. */
@Controller
class TimelineController {

	private static final int SHOWN = 50;

	private final TimelineEntries entries;

	private final TimelineBroadcast broadcast;

	private final AccountRecords accounts;

	private final UserDirectory directory;

	TimelineController(TimelineEntries entries, TimelineBroadcast broadcast, AccountRecords accounts,
			UserDirectory directory) {
		this.entries = entries;
		this.broadcast = broadcast;
		this.accounts = accounts;
		this.directory = directory;
	}

	@GetMapping("/accounts/{id}/timeline")
	@PreAuthorize("hasRole('VIEWER')")
	String feed(@PathVariable AccountId id, @RequestParam(required = false) TimelineKind kind, Model model) {
		accounts.require(id);
		List<TimelineEntry> found = entries.of(id, kind, SHOWN);
		var names = directory.names(found.stream().map(TimelineEntry::actor).filter(Objects::nonNull).distinct().toList());
		model.addAttribute("accountId", id.toString());
		model.addAttribute("kind", kind);
		model.addAttribute("kinds", TimelineKind.values());
		model.addAttribute("entries", found.stream()
			.map(e -> new TimelineView(e.kind(), e.action(), e.occurredAt(), e.title(),
					prose(e.kind()) ? e.detail() : null, fields(e), money(e.amountBefore(), e),
					money(e.amountAfter(), e), names.get(e.actor())))
			.toList());
		return "timeline/feed :: feed";
	}

	@GetMapping(path = "/accounts/{id}/timeline/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@PreAuthorize("hasRole('VIEWER')")
	@ResponseBody
	SseEmitter stream(@PathVariable AccountId id) {
		accounts.require(id);
		return broadcast.listen(id);
	}

	/** Activities keep their outcome, health entries their scorecard's name; the others list changed fields. */
	private static boolean prose(TimelineKind kind) {
		return kind == TimelineKind.ACTIVITY || kind == TimelineKind.HEALTH;
	}

	private static List<String> fields(TimelineEntry e) {
		if (prose(e.kind()) || e.detail() == null || e.detail().isEmpty()) {
			return List.of();
		}
		return Arrays.asList(e.detail().split(","));
	}

	private static Money money(java.math.BigDecimal amount, TimelineEntry e) {
		return amount == null || e.currency() == null ? null : new Money(amount, Currency.getInstance(e.currency()));
	}
}
