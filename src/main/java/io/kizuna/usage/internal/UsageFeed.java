package io.kizuna.usage.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.kizuna.accounts.AccountChanged;
import io.kizuna.accounts.AccountId;
import io.kizuna.accounts.AccountRecords;
import io.kizuna.accounts.AccountsImported;
import io.kizuna.usage.internal.UsageIdentities.Group;
import io.kizuna.usage.internal.UsageIdentities.Key;
import io.kizuna.usage.internal.UsageIdentities.User;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads the event log behind the tracking API and keeps who is who: a {@code group} call ties its user
 * to a company, matched to an account by Salesforce id, HubSpot id or domain (unmatched groups are kept
 * and listed until they can be matched or an admin maps them); {@code identify} names the user; every
 * event counts for its user and the user's group. The position in the log is saved in the same
 * transaction as what was derived, so each event counts once, also across a crash.
 */
@Component
class UsageFeed {

	private static final int BATCH = 5_000;

	private final EventLog log;

	private final UsageIdentities identities;

	private final AccountRecords accounts;

	private final TransactionTemplate transactions;

	private final ObjectMapper json;

	private final UsageRollups rollups;

	private final GroupMapping mapping;

	private final java.time.ZoneId zone;

	private final org.springframework.context.ApplicationEventPublisher publisher;

	UsageFeed(EventLog log, UsageIdentities identities, UsageRollups rollups, GroupMapping mapping,
			AccountRecords accounts, TransactionTemplate transactions, ObjectMapper json,
			@org.springframework.beans.factory.annotation.Value("${kizuna.default-time-zone:Asia/Tokyo}") java.time.ZoneId zone,
			org.springframework.context.ApplicationEventPublisher publisher) {
		this.log = log;
		this.publisher = publisher;
		this.rollups = rollups;
		this.mapping = mapping;
		this.zone = zone;
		this.identities = identities;
		this.accounts = accounts;
		this.transactions = transactions;
		this.json = json;
	}

	/**
	 * What the feed has read since it last wrote its position: the counts, and the users and groups they
	 * touched. Counts go to the database with the position every {@code kizuna.usage.flush-interval} (and
	 * whenever the feed is asked to catch up), so that every event counts once also across a crash, however
	 * busy the product: many events of the same user, event and day cost one row write per window. What
	 * health reads and what is new is written at once (see {@link #step()}).
	 */
	private static final class Window {

		EventLog.Position position;

		final EventLog.Position start;

		final Instant opened = Instant.now();

		final Map<Key, User> users = new HashMap<>();

		final Map<Key, Group> groups = new HashMap<>();

		final Map<UsageRollups.EventDay, Long> eventDays = new HashMap<>();

		final Map<UsageRollups.UserDay, UsageRollups.Use> userDays = new HashMap<>();

		final Map<UsageRollups.PendingEvent, Long> pendingEvents = new HashMap<>();

		final Map<UsageRollups.PendingUser, UsageRollups.Use> pendingUsers = new HashMap<>();

		/** The users and groups this window's events touched: what its write must carry. */
		final Set<Key> touchedUsers = new HashSet<>();

		final Set<Key> touchedGroups = new HashSet<>();

		Window(EventLog.Position position) {
			this.position = position;
			this.start = position;
		}

		boolean idle() {
			return position.equals(start) && touchedUsers.isEmpty() && touchedGroups.isEmpty() && eventDays.isEmpty()
					&& pendingEvents.isEmpty();
		}
	}

	/**
	 * What a window hands to its write: its counts, copies of the users and groups it touched as they were
	 * when it closed, and its log position. Written on the writer's thread while the next window reads on.
	 */
	private record Closed(EventLog.Position position, Map<UsageRollups.EventDay, Long> eventDays,
			Map<UsageRollups.UserDay, UsageRollups.Use> userDays, Map<UsageRollups.PendingEvent, Long> pendingEvents,
			Map<UsageRollups.PendingUser, UsageRollups.Use> pendingUsers, List<User> users, List<Group> groups) {

		static Closed of(Window w) {
			return new Closed(w.position, w.eventDays, w.userDays, w.pendingEvents, w.pendingUsers,
					w.touchedUsers.stream().map(w.users::get).filter(java.util.Objects::nonNull).map(User::copy).toList(),
					w.touchedGroups.stream().map(w.groups::get).filter(java.util.Objects::nonNull).map(Group::copy).toList());
		}
	}

	private Window window;

	/** The one thread that writes closed windows, one at a time and in order. */
	private final java.util.concurrent.ExecutorService writer = java.util.concurrent.Executors
		.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("usage-window-writer").factory());

	/** The write of the last window closed, until it is known done. */
	private java.util.concurrent.Future<?> writing;

	@org.springframework.beans.factory.annotation.Value("${kizuna.usage.flush-interval:2s}")
	private java.time.Duration flushInterval;

	/**
	 * Reads what is new in the log, one batch after another. Once the window is due it is closed and written
	 * on the writer's thread while reading goes on: under load a write takes about a second, and events read
	 * meanwhile are what health waits for.
	 */
	@Scheduled(fixedDelayString = "${kizuna.usage.feed-delay:100ms}")
	synchronized void poll() {
		try {
			while (Boolean.TRUE.equals(transactions.execute(status -> step()))) {
				// a full batch: there may be more right away
			}
		}
		catch (RuntimeException failed) {
			// The window took part of a batch that did not commit: read again from the last position written.
			awaitWrite();
			window = null;
			throw failed;
		}
		if (window != null && !window.opened.plus(flushInterval).isAfter(Instant.now())) {
			close();
		}
	}

	/** Reads everything there is and writes it all, counts included (tests; before a group is mapped). */
	synchronized void catchUp() {
		poll();
		flush();
	}

	/**
	 * Closes the window and starts the next at its position; the next keeps the users and groups it touched
	 * (their newest values, which the database has only once this write is done). The write before must be
	 * done first: then everything else the next window reads from the database is current.
	 */
	private void close() {
		awaitWrite();
		Window w = window;
		if (w == null) {
			return;
		}
		if (w.idle()) {
			window = null;
			return;
		}
		Closed closed = Closed.of(w);
		Window next = new Window(w.position);
		w.touchedUsers.stream().filter(w.users::containsKey).forEach(key -> next.users.put(key, w.users.get(key)));
		w.touchedGroups.stream().filter(w.groups::containsKey).forEach(key -> next.groups.put(key, w.groups.get(key)));
		window = next;
		writing = writer.submit(() -> write(closed));
	}

	/** Writes the window's counts, users, groups and log position now and forgets what it held. */
	synchronized void flush() {
		close();
		awaitWrite();
		window = null;
	}

	private void awaitWrite() {
		if (writing == null) {
			return;
		}
		try {
			writing.get();
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("usage: interrupted while the window was written", interrupted);
		}
		catch (java.util.concurrent.ExecutionException failed) {
			// Not written: what it held is read again from the last position written, so nothing is lost.
			window = null;
			org.slf4j.LoggerFactory.getLogger(UsageFeed.class).warn("usage: writing a window failed; reading again from"
					+ " the last position written", failed.getCause());
		}
		finally {
			writing = null;
		}
	}

	/** Counts, users, groups and log position in one transaction: each event counts once, also across a crash. */
	private void write(Closed w) {
		long started = System.nanoTime();
		transactions.executeWithoutResult(status -> {
			rollups.addEvents(w.eventDays());
			rollups.addUsers(w.userDays());
			rollups.addPendingEvents(w.pendingEvents());
			rollups.addPendingUsers(w.pendingUsers());
			identities.saveGroups(w.groups(), true);
			identities.saveUsers(w.users(), true);
			identities.position(w.position());
		});
		long millis = (System.nanoTime() - started) / 1_000_000;
		if (millis >= SLOW_MILLIS) {
			org.slf4j.LoggerFactory.getLogger(UsageFeed.class)
				.info("usage: window of {} user-days and {} users written in {} ms", w.userDays().size(), w.users().size(),
						millis);
		}
	}

	/** Slower steps are logged: what delays usage (and so health) under load shows in the log. */
	private static final long SLOW_MILLIS = 500;

	/** What a kill -9 does to the feed: the window is gone, the log and the last written position remain (tests). */
	synchronized void loseWindow() {
		awaitWrite();
		window = null;
	}

	/** A group mapped by hand: what the feed holds of it is written first, so that nothing lands beside it. */
	synchronized boolean map(UUID source, String groupId, UUID account) {
		flush();
		return transactions.execute(status -> mapping.map(source, groupId, account));
	}

	/**
	 * Reads and applies one batch; true when it was full. The counts stay in the window; written at once are
	 * the users and groups that are new or changed company, and the user-days and event-days not seen yet
	 * today (with no counts): who was active and which features were used, all that health reads.
	 */
	private boolean step() {
		if (window == null) {
			awaitWrite(); // the position a write in flight is about to store is where reading goes on
			window = new Window(identities.position());
		}
		Window w = window;
		long started = System.nanoTime();
		List<JsonNode> events = new ArrayList<>();
		EventLog.Position to = log.read(w.position, BATCH, bytes -> events.add(json.readTree(bytes)));
		if (!events.isEmpty()) {
			apply(events, w);
		}
		w.position = to;
		long millis = (System.nanoTime() - started) / 1_000_000;
		if (millis >= SLOW_MILLIS) {
			org.slf4j.LoggerFactory.getLogger(UsageFeed.class).info("usage: {} events read in {} ms", events.size(), millis);
		}
		return events.size() == BATCH;
	}

	private void apply(List<JsonNode> events, Window w) {
		Set<Key> userKeys = new HashSet<>();
		Set<Key> groupKeys = new HashSet<>();
		for (JsonNode event : events) {
			UUID source = UUID.fromString(event.path("sourceId").asString());
			String user = user(event);
			if (user != null) {
				userKeys.add(new Key(source, user));
			}
			if ("group".equals(event.path("type").asString())) {
				groupKeys.add(new Key(source, truncate(event.path("groupId").asString(), 200)));
			}
			if ("alias".equals(event.path("type").asString()) && event.hasNonNull("previousId")) {
				userKeys.add(new Key(source, truncate(event.get("previousId").asString(), 200)));
			}
		}
		w.touchedUsers.addAll(userKeys);
		// The window's users and groups are newer than the database's: only the others are read.
		w.users.putAll(identities.users(userKeys.stream().filter(k -> !w.users.containsKey(k)).toList()));
		Map<Key, User> users = w.users;
		// The groups of this batch's users (not of every user the window holds: that was 20,000 a step under load).
		for (Key key : userKeys) {
			User user = users.get(key);
			if (user != null && user.groupId != null) {
				groupKeys.add(new Key(user.source, user.groupId));
			}
		}
		w.groups.putAll(identities.groups(groupKeys.stream().filter(k -> !w.groups.containsKey(k)).toList()));
		Map<Key, Group> groups = w.groups;
		w.touchedGroups.addAll(groupKeys);
		Map<String, AccountId> matched = accounts.resolve(groupKeys.stream()
			.filter(k -> !groups.containsKey(k) || groups.get(k).account == null)
			.map(Key::id)
			.distinct()
			.toList(), groupMatch);
		Set<UsageRollups.EventDay> eventKeys = new HashSet<>();
		Set<UsageRollups.UserDay> userDayKeys = new HashSet<>();
		Set<User> touched = new HashSet<>();
		Set<Group> touchedGroups = new HashSet<>();
		for (JsonNode event : events) {
			Instant at = StoredTime.parse(event.path("timestamp").asString());
			User user = apply(event, at, users, groups, matched);
			if (user != null && (!user.stored || user.identityChanged)) {
				touched.add(user);
			}
			String name = rolledUp(event);
			if (user == null || name == null) {
				continue;
			}
			java.time.LocalDate day = at.atZone(zone).toLocalDate();
			String userKey = user.source + "/" + user.userId;
			UsageRollups.Use use = new UsageRollups.Use(1, user.sessionBegun ? 1 : 0, user.secondsOfUse);
			user.sessionBegun = false;
			if (user.account != null) {
				UsageRollups.EventDay eventDay = new UsageRollups.EventDay(user.account, day, name);
				UsageRollups.UserDay userDay = new UsageRollups.UserDay(user.account, day, userKey);
				w.eventDays.merge(eventDay, 1L, Long::sum);
				w.userDays.merge(userDay, use, UsageRollups.Use::plus);
				eventKeys.add(eventDay);
				userDayKeys.add(userDay);
			}
			else if (user.groupId != null) {
				// Not dropped: kept for the group until it is mapped to an account.
				w.pendingEvents.merge(new UsageRollups.PendingEvent(user.source, user.groupId, day, name), 1L, Long::sum);
				w.pendingUsers.merge(new UsageRollups.PendingUser(user.source, user.groupId, day, userKey), use,
						UsageRollups.Use::plus);
			}
		}
		groups.values().stream().filter(g -> !g.stored || g.identityChanged).forEach(touchedGroups::add);
		identities.saveGroups(touchedGroups, false);
		identities.saveUsers(touched, false);
		touchedGroups.forEach(g -> g.identityChanged = false);
		tellWhatIsNew(eventKeys, userDayKeys);
	}

	/**
	 * Health reads who was active and which features were used, not how often: only an account with a new
	 * user-day or event-day (a first event of a user, or of an event, that day) has moved for it. Telling
	 * only those keeps health's refreshes small however many events a busy account sends.
	 */
	private void tellWhatIsNew(Set<UsageRollups.EventDay> eventKeys, Set<UsageRollups.UserDay> userKeys) {
		java.time.LocalDate today = java.time.LocalDate.now(zone);
		if (!today.equals(knownDay) || knownEventDays.size() + knownUserDays.size() > 2_000_000) {
			knownEventDays.clear();
			knownUserDays.clear();
			knownDay = today;
		}
		List<UsageRollups.EventDay> newEvents = eventKeys.stream().filter(k -> !knownEventDays.contains(k)).toList();
		List<UsageRollups.UserDay> newUsers = userKeys.stream().filter(k -> !knownUserDays.contains(k)).toList();
		Set<AccountId> moved = new HashSet<>();
		newEvents.forEach(k -> moved.add(new AccountId(k.account())));
		newUsers.forEach(k -> moved.add(new AccountId(k.account())));
		if (moved.isEmpty()) {
			return;
		}
		// The rows, with no counts yet (the window adds them with its position): a replay adds nothing twice.
		Map<UsageRollups.EventDay, Long> noEvents = new HashMap<>();
		newEvents.forEach(k -> noEvents.put(k, 0L));
		Map<UsageRollups.UserDay, UsageRollups.Use> noUse = new HashMap<>();
		newUsers.forEach(k -> noUse.put(k, new UsageRollups.Use(0, 0, 0)));
		rollups.addEvents(noEvents);
		rollups.addUsers(noUse);
		// Known once this batch has committed; listeners hear of it after the commit too.
		org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
				new org.springframework.transaction.support.TransactionSynchronization() {
					@Override
					public void afterCommit() {
						knownEventDays.addAll(newEvents);
						knownUserDays.addAll(newUsers);
					}
				});
		publisher.publishEvent(new io.kizuna.usage.UsageRolledUp(moved));
	}

	private final Set<UsageRollups.EventDay> knownEventDays = java.util.concurrent.ConcurrentHashMap.newKeySet();

	private final Set<UsageRollups.UserDay> knownUserDays = java.util.concurrent.ConcurrentHashMap.newKeySet();

	private volatile java.time.LocalDate knownDay;

	/**
	 * The name an event is counted under in the daily usage: a track call's event, "Page: name" and
	 * "Screen: name"; identify, group and alias are about who, not about use, and are not counted.
	 */
	private static String rolledUp(JsonNode event) {
		String type = event.path("type").asString();
		String name = event.hasNonNull("name") ? event.get("name").asString()
				: event.path("properties").hasNonNull("path") ? event.path("properties").get("path").asString() : "";
		String rolled = switch (type) {
			case "track" -> event.path("event").asString();
			case "page" -> "Page: " + name;
			case "screen" -> "Screen: " + name;
			default -> null;
		};
		return rolled == null ? null : truncate(rolled.strip(), 200);
	}

	/** Applies one event to who is who; answers the user it was about (null for none). */
	private static User apply(JsonNode event, Instant at, Map<Key, User> users, Map<Key, Group> groups,
			Map<String, AccountId> matched) {
		UUID source = UUID.fromString(event.path("sourceId").asString());
		String userId = user(event);
		User user = userId == null ? null : users.computeIfAbsent(new Key(source, userId), k -> {
			User fresh = new User(source, userId);
			fresh.firstSeen = at;
			return fresh;
		});
		if (user != null) {
			user.events++;
			session(user, at);
			user.lastSeen = user.lastSeen == null || at.isAfter(user.lastSeen) ? at : user.lastSeen;
		}
		String type = event.path("type").asString();
		if ("identify".equals(type) && user != null) {
			JsonNode traits = event.path("traits");
			String email = traits.hasNonNull("email") ? truncate(traits.get("email").asString(), 320) : user.email;
			String name = traits.hasNonNull("name") ? truncate(traits.get("name").asString(), 200) : user.name;
			user.identityChanged |= !java.util.Objects.equals(email, user.email) || !java.util.Objects.equals(name, user.name);
			user.email = email;
			user.name = name;
		}
		if ("alias".equals(type) && user != null && event.hasNonNull("previousId")) {
			// The same person under an earlier id (often the anonymous one): the new id takes over its company.
			User previous = users.get(new Key(source, truncate(event.get("previousId").asString(), 200)));
			if (previous != null && user.groupId == null) {
				user.groupId = previous.groupId;
				user.account = previous.account;
				user.identityChanged = true;
			}
		}
		Group group = null;
		if ("group".equals(type)) {
			String groupId = truncate(event.path("groupId").asString(), 200);
			group = groups.computeIfAbsent(new Key(source, groupId), k -> {
				Group fresh = new Group(source, groupId);
				fresh.firstSeen = at;
				fresh.lastSeen = at;
				return fresh;
			});
			JsonNode name = event.path("traits").get("name");
			if (name != null && name.isString() && !truncate(name.asString(), 200).equals(group.name)) {
				group.name = truncate(name.asString(), 200);
				group.identityChanged = true;
			}
			if (group.account == null && matched.containsKey(groupId)) {
				group.account = matched.get(groupId).value();
				group.identityChanged = true;
			}
			if (user != null && !groupId.equals(user.groupId)) {
				user.groupId = groupId;
				user.identityChanged = true;
			}
		}
		else if (user != null && user.groupId != null) {
			group = groups.get(new Key(source, user.groupId));
		}
		if (group != null) {
			group.events++;
			group.lastSeen = at.isAfter(group.lastSeen) ? at : group.lastSeen;
			if (user != null && !java.util.Objects.equals(user.account, group.account)) {
				user.account = group.account;
				user.identityChanged = true;
			}
		}
		return user;
	}

	private static final long SESSION_GAP_SECONDS = 30 * 60;

	/**
	 * Sessions and time of use, the usual web-analytics way: an event more than 30 minutes after the user's
	 * previous one (or a user's first) begins a session; within a session the time since the previous event
	 * counts as use. An event older than the previous one (sent late) adds neither. Identify, group and alias
	 * calls are not use, but they mark the person as there: a session they begin counts with the next use.
	 */
	private static void session(User user, Instant at) {
		long gap = user.lastSeen == null ? Long.MAX_VALUE : at.getEpochSecond() - user.lastSeen.getEpochSecond();
		// A session begun by an identify or group call is counted with the next event of use.
		user.sessionBegun |= gap > SESSION_GAP_SECONDS;
		user.secondsOfUse = gap >= 0 && gap <= SESSION_GAP_SECONDS ? gap : 0;
	}

	private static String user(JsonNode event) {
		JsonNode id = event.hasNonNull("userId") ? event.get("userId") : event.get("anonymousId");
		return id == null || id.isNull() ? null : truncate(id.isString() ? id.asString() : id.toString(), 200);
	}

	private static String truncate(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max);
	}

	/** Raw events older than {@code kizuna.usage.retention} (400 days) go once the feed has read them. */
	@Scheduled(cron = "${kizuna.usage.prune-cron:0 30 3 * * *}")
	void prune() {
		java.time.Duration retention = java.time.Duration.parse("P" + retentionDays + "D");
		int deleted = log.prune(java.time.Instant.now().minus(retention), identities.position());
		if (deleted > 0) {
			org.slf4j.LoggerFactory.getLogger(UsageFeed.class)
				.info("usage: {} event log file(s) older than {} days removed", deleted, retentionDays);
		}
	}

	@org.springframework.beans.factory.annotation.Value("${kizuna.usage.retention-days:400}")
	private int retentionDays;

	/** What a group call's groupId is matched against ({@code kizuna.usage.group-match}): by default all three. */
	@org.springframework.beans.factory.annotation.Value("${kizuna.usage.group-match:SALESFORCE_ID,HUBSPOT_ID,DOMAIN}")
	private java.util.Set<AccountRecords.ExternalKey> groupMatch;

	/** A new or changed account may be the one an unmatched group named all along. */
	@ApplicationModuleListener
	void on(AccountChanged changed) {
		rematch();
	}

	@ApplicationModuleListener
	void on(AccountsImported imported) {
		rematch();
	}

	synchronized void rematch() {
		flush();
		transactions.executeWithoutResult(status -> {
			List<Group> unmatched = identities.unmatched(10_000);
			Map<String, AccountId> found = accounts.resolve(unmatched.stream().map(g -> g.groupId).distinct().toList(),
					groupMatch);
			for (Group group : unmatched) {
				AccountId account = found.get(group.groupId);
				if (account != null) {
					mapping.map(group.source, group.groupId, account.value());
				}
			}
		});
	}
}
