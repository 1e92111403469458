package io.kizuna.usage.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import io.kizuna.accounts.AccountId;
import io.kizuna.accounts.AccountRecords;
import io.kizuna.shared.NotFoundException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The companies seen in product usage that no account matches yet, and mapping them by hand. */
@RestController
@RequestMapping("/api/v1/usage/groups")
@Tag(name = "Usage sources", description = "Where product usage events come from, and their write keys")
@PreAuthorize("hasRole('CSM')")
class UsageGroupsApi {

	private final UsageIdentities identities;

	private final AccountRecords accounts;

	private final UsageFeed feed;

	UsageGroupsApi(UsageIdentities identities, AccountRecords accounts, UsageFeed feed) {
		this.identities = identities;
		this.feed = feed;
		this.accounts = accounts;
	}

	record GroupView(UUID sourceId, String groupId, String name, long events, Instant firstSeen, Instant lastSeen) {
	}

	record Mapping(@NotNull UUID accountId) {
	}

	@GetMapping("/unmatched")
	@Operation(summary = "Groups no account matches (by Salesforce id, HubSpot id or domain), most active first")
	List<GroupView> unmatched() {
		return identities.unmatched(500)
			.stream()
			.map(g -> new GroupView(g.source, g.groupId, g.name, g.events, g.firstSeen, g.lastSeen))
			.toList();
	}

	@PutMapping("/{sourceId}/{groupId}")
	@Transactional
	@Operation(summary = "Tie a group, and every user in it, to an account")
	GroupView map(@PathVariable UUID sourceId, @PathVariable String groupId, @Valid @RequestBody Mapping mapping) {
		accounts.require(new AccountId(mapping.accountId()));
		if (!feed.map(sourceId, groupId, mapping.accountId())) {
			throw new NotFoundException("usage.group.notFound", groupId);
		}
		UsageIdentities.Group group = identities.groups(List.of(new UsageIdentities.Key(sourceId, groupId)))
			.values()
			.iterator()
			.next();
		return new GroupView(group.source, group.groupId, group.name, group.events, group.firstSeen, group.lastSeen);
	}
}
