package io.kizuna.web.internal;

import io.kizuna.identity.Role;

/** One entry of the main navigation: its message key, path and the lowest role that may open it. */
public record Area(String key, String path, Role role) {
}
