/**
 * The web shell every module's pages live in: layout and navigation, the home page, language and
 * time-zone handling, the "coming soon" areas, error pages and problem+json answers for the API,
 * and the API reference.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web shell")
package io.kizuna.web;
