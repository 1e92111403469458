package io.kizuna.subscriptions.internal;

import io.kizuna.subscriptions.CurrencyRates;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration
@EnableScheduling
@EnableConfigurationProperties(CurrencyRates.class)
class SubscriptionsConfiguration {
}
