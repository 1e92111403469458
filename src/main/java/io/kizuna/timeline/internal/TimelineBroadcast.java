package io.kizuna.timeline.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.kizuna.accounts.AccountId;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open account pages listening for their timeline (server-sent events). A change sends a small
 * "changed" event, not the entry itself: each page then fetches its timeline again, in its reader's
 * language, time zone and filter. The event goes out only after the entry has committed, so the
 * page never fetches before it can see it.
 */
@Component
class TimelineBroadcast {

	static final Duration LISTEN_FOR = Duration.ofMinutes(30);

	private final Map<AccountId, List<SseEmitter>> listeners = new ConcurrentHashMap<>();

	SseEmitter listen(AccountId account) {
		SseEmitter emitter = new SseEmitter(LISTEN_FOR.toMillis());
		List<SseEmitter> forAccount = listeners.computeIfAbsent(account, k -> new CopyOnWriteArrayList<>());
		forAccount.add(emitter);
		Runnable remove = () -> forAccount.remove(emitter);
		emitter.onCompletion(remove);
		emitter.onTimeout(remove);
		emitter.onError(failure -> remove.run());
		try {
			// Sent at once so that the browser (and any proxy) sees the stream open.
			emitter.send(SseEmitter.event().name("ready").data("ready"));
		}
		catch (IOException gone) {
			remove.run();
		}
		return emitter;
	}

	void changed(AccountId account) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					send(account);
				}
			});
		}
		else {
			send(account);
		}
	}

	int listening(AccountId account) {
		return listeners.getOrDefault(account, List.of()).size();
	}

	private void send(AccountId account) {
		for (SseEmitter emitter : listeners.getOrDefault(account, List.of())) {
			try {
				emitter.send(SseEmitter.event().name("changed").data(account.toString()));
			}
			catch (IOException | IllegalStateException gone) {
				listeners.get(account).remove(emitter);
			}
		}
	}
}
