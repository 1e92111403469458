package io.kizuna.accounts.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(SizeBands.class)
class AccountsConfiguration {
}
