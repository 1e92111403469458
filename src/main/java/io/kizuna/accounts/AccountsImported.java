package io.kizuna.accounts;

import java.util.List;

/** Many accounts created or changed at once by an import, told in one event for batch listeners. */
public record AccountsImported(List<AccountChanged> changes) {
}
