package io.kizuna.health.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kizuna.health.*}: how many days back survey answers count, and how many points a score must fall
 * within its band to be reported as a drop. (How often moved accounts are rescored is
 * {@code kizuna.health.refresh-delay}, 100 ms; the nightly full recompute {@code kizuna.health.recompute-cron}.)
 */
@ConfigurationProperties("kizuna.health")
record HealthSettings(@DefaultValue("180") int surveyWindowDays, @DefaultValue("15") int dropPoints) {
}
