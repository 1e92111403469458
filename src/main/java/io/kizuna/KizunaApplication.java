package io.kizuna;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
public class KizunaApplication {

	public static void main(String[] args) {
		SpringApplication.run(KizunaApplication.class, args);
	}

	/** Every rule asks this clock for the time, so that tests can move it. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}
}
