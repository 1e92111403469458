package io.kizuna;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(KizunaApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		modules.verify();
	}

	/** Guards against a verification that passes because the packages it checks do not exist. */
	@Test
	void theExpectedModulesExist() {
		assertThat(modules.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
			.contains("identity", "web", "shared");
	}

	@Test
	void writesModuleDocumentation() throws Exception {
		new Documenter(modules).writeDocumentation();
		assertThat(Files.list(Path.of("target/spring-modulith-docs")).map(Path::toString))
			.anyMatch(name -> name.contains("components"));
	}
}
