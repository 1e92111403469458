package io.kizuna.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.List;

import io.kizuna.identity.Role;
import io.kizuna.identity.SignedInUser;
import io.kizuna.identity.UserDirectory;
import io.kizuna.support.KizunaIntegrationTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

@KizunaIntegrationTest
class DirectoryIntegrationTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	UserDirectory directory;

	@Autowired
	Profiles profiles;

	@Test
	void aRenamedPersonIsShownByTheNewNameAtOnce() {
		SignedInUser csm = new TestUsers(context).create(Role.CSM);
		assertThat(directory.names(List.of(csm.id()))).containsEntry(csm.id(), csm.displayName());

		profiles.changeProfile(csm.id(), "佐藤 花子", null, ZoneId.of("Asia/Tokyo"));

		assertThat(directory.names(List.of(csm.id()))).containsEntry(csm.id(), "佐藤 花子");
	}
}
