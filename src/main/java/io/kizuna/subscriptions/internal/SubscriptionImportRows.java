package io.kizuna.subscriptions.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.kizuna.imports.ImportField;
import io.kizuna.imports.ImportRow;
import io.kizuna.imports.RowProblem;
import io.kizuna.shared.KizunaException;
import io.kizuna.subscriptions.BillingPeriod;
import io.kizuna.subscriptions.CurrencyRates;
import io.kizuna.subscriptions.SubscriptionStatus;

import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * Reads subscription rows as billing systems and spreadsheets write them: dates as 2026-04-01,
 * 2026/4/1 or 2026年4月1日, amounts with separators and currency signs (¥1,200, 1,200円), periods and
 * statuses in English or Japanese, yes/no as true/false, はい/いいえ or 1/0.
 */
final class SubscriptionImportRows {

	static final List<ImportField> FIELDS = List.of(
			field("externalId", "subscription.externalId", true, "Subscription ID", "Contract ID", "契約 ID",
					"契約ID", "サブスクリプション ID"),
			field("account", "import.subscription.account", true, "Account ID", "Account", "Company ID",
					"Company Domain Name", "Domain", "取引先 ID", "会社のドメイン名"),
			field("product", "subscription.product", true, "Product", "Product Name", "製品", "製品名", "商品名"),
			field("plan", "subscription.plan", false, "Plan", "プラン"),
			field("quantity", "subscription.quantity", true, "Quantity", "Seats", "Licenses", "数量", "席数",
					"ライセンス数"),
			field("unitPrice", "subscription.unitPrice", true, "Unit Price", "Sales Price", "Price", "単価",
					"販売価格"),
			field("currency", "subscription.currency", false, "Currency", "Currency ISO Code", "通貨"),
			field("period", "subscription.period", false, "Billing Period", "Billing Frequency", "請求サイクル",
					"請求頻度"),
			field("termMonths", "subscription.termMonths", false, "Term (months)", "Contract Term", "契約期間"),
			field("discount", "subscription.discount", false, "Discount", "Discount (%)", "割引", "割引率"),
			field("startDate", "subscription.startDate", true, "Start Date", "Contract Start Date", "開始日",
					"契約開始日"),
			field("endDate", "subscription.endDate", false, "End Date", "Renewal Date", "Contract End Date",
					"終了日", "更新日", "契約終了日"),
			field("autoRenew", "subscription.autoRenew", false, "Auto Renew", "Auto-renew", "自動更新"),
			field("status", "subscription.status", false, "Status", "ステータス"),
			field("cancelledOn", "subscription.cancelledOn", false, "Cancellation Date", "Cancelled On", "解約日"),
			field("cancellationReason", "subscription.cancellationReason", false, "Cancellation Reason",
					"Churn Reason", "解約理由"));

	private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ofPattern("uuuu-M-d"),
			DateTimeFormatter.ofPattern("uuuu/M/d"), DateTimeFormatter.ofPattern("uuuu年M月d日"),
			DateTimeFormatter.ofPattern("uuuu.M.d"));

	private static final Map<String, BillingPeriod> PERIODS = Map.ofEntries(Map.entry("monthly", BillingPeriod.MONTHLY),
			Map.entry("month", BillingPeriod.MONTHLY), Map.entry("月額", BillingPeriod.MONTHLY),
			Map.entry("月次", BillingPeriod.MONTHLY), Map.entry("quarterly", BillingPeriod.QUARTERLY),
			Map.entry("四半期", BillingPeriod.QUARTERLY), Map.entry("annual", BillingPeriod.ANNUAL),
			Map.entry("annually", BillingPeriod.ANNUAL), Map.entry("yearly", BillingPeriod.ANNUAL),
			Map.entry("年額", BillingPeriod.ANNUAL), Map.entry("年次", BillingPeriod.ANNUAL),
			Map.entry("multi_year", BillingPeriod.MULTI_YEAR), Map.entry("multi-year", BillingPeriod.MULTI_YEAR),
			Map.entry("複数年", BillingPeriod.MULTI_YEAR));

	private static final Map<String, SubscriptionStatus> STATUSES = Map.ofEntries(
			Map.entry("trial", SubscriptionStatus.TRIAL), Map.entry("トライアル", SubscriptionStatus.TRIAL),
			Map.entry("active", SubscriptionStatus.ACTIVE), Map.entry("有効", SubscriptionStatus.ACTIVE),
			Map.entry("契約中", SubscriptionStatus.ACTIVE), Map.entry("cancelled", SubscriptionStatus.CANCELLED),
			Map.entry("canceled", SubscriptionStatus.CANCELLED), Map.entry("解約", SubscriptionStatus.CANCELLED),
			Map.entry("expired", SubscriptionStatus.EXPIRED), Map.entry("期限切れ", SubscriptionStatus.EXPIRED));

	private final CurrencyRates rates;

	SubscriptionImportRows(CurrencyRates rates) {
		this.rates = rates;
	}

	/** A row read into terms, or the problems found. */
	record Read(SubscriptionTerms terms, String accountKey, List<RowProblem> problems) {
	}

	Read read(ImportRow row) {
		List<RowProblem> problems = new ArrayList<>();
		String externalId = row.get("externalId");
		if (externalId == null || !externalId.matches("[A-Za-z0-9_-]{1,64}")) {
			problems.add(problem(row, "import.subscription.externalIdInvalid", String.valueOf(externalId)));
		}
		String account = row.get("account");
		if (account == null) {
			problems.add(problem(row, "import.missing", label("import.subscription.account")));
		}
		String product = row.get("product");
		if (product == null) {
			problems.add(problem(row, "import.missing", label("subscription.product")));
		}
		Integer quantity = integer(row, "quantity", problems);
		if (quantity != null && quantity < 1) {
			problems.add(problem(row, "import.subscription.numberInvalid", label("subscription.quantity"), quantity));
		}
		BigDecimal unitPrice = decimal(row, "unitPrice", problems);
		Currency currency = rates.getReportingCurrency();
		if (row.get("currency") != null) {
			try {
				currency = Currency.getInstance(row.get("currency").toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException unknown) {
				problems.add(problem(row, "subscription.currency.unsupported", row.get("currency")));
			}
		}
		BillingPeriod period = choice(row, "period", PERIODS, BillingPeriod.MONTHLY, problems);
		Integer termMonths = integer(row, "termMonths", problems);
		BigDecimal discount = decimal(row, "discount", problems);
		LocalDate start = date(row, "startDate", problems);
		if (start == null && row.get("startDate") == null) {
			problems.add(problem(row, "import.missing", label("subscription.startDate")));
		}
		LocalDate end = date(row, "endDate", problems);
		boolean autoRenew = bool(row, "autoRenew", end != null, problems);
		SubscriptionStatus status = choice(row, "status", STATUSES, SubscriptionStatus.ACTIVE, problems);
		LocalDate cancelledOn = date(row, "cancelledOn", problems);
		String reason = row.get("cancellationReason");
		if (!problems.isEmpty() || quantity == null || unitPrice == null || start == null) {
			if (problems.isEmpty()) {
				problems.add(problem(row, "import.missing", label("subscription.unitPrice")));
			}
			return new Read(null, account, problems);
		}
		SubscriptionTerms terms = new SubscriptionTerms(product, row.get("plan"), quantity, unitPrice, currency, period,
				termMonths == null ? 0 : termMonths, discount, start, end, autoRenew, status, cancelledOn,
				reason == null || reason.length() <= 500 ? reason : reason.substring(0, 500), externalId);
		try {
			SubscriptionRules.check(terms, rates);
		}
		catch (KizunaException broken) {
			problems.add(new RowProblem(row.line(), broken.messageKey(), broken.arguments()));
			return new Read(null, account, problems);
		}
		return new Read(terms, account, problems);
	}

	private static Integer integer(ImportRow row, String field, List<RowProblem> problems) {
		BigDecimal value = decimal(row, field, problems);
		if (value == null) {
			return null;
		}
		try {
			return value.intValueExact();
		}
		catch (ArithmeticException notWhole) {
			problems.add(problem(row, "import.subscription.numberInvalid", label("subscription." + field), row.get(field)));
			return null;
		}
	}

	private static BigDecimal decimal(ImportRow row, String field, List<RowProblem> problems) {
		String text = row.get(field);
		if (text == null) {
			return null;
		}
		try {
			return new BigDecimal(text.replaceAll("[,\\s¥￥$€円%，]", ""));
		}
		catch (NumberFormatException notANumber) {
			problems.add(problem(row, "import.subscription.numberInvalid", label(labelKey(field)), text));
			return null;
		}
	}

	private static LocalDate date(ImportRow row, String field, List<RowProblem> problems) {
		String text = row.get(field);
		if (text == null) {
			return null;
		}
		for (DateTimeFormatter format : DATES) {
			try {
				return LocalDate.parse(text, format.withResolverStyle(ResolverStyle.STRICT));
			}
			catch (DateTimeParseException tryNext) {
				// the next format may fit
			}
		}
		problems.add(problem(row, "import.subscription.dateInvalid", label(labelKey(field)), text));
		return null;
	}

	private static boolean bool(ImportRow row, String field, boolean fallback, List<RowProblem> problems) {
		String text = row.get(field);
		if (text == null) {
			return fallback;
		}
		return switch (text.toLowerCase(Locale.ROOT)) {
			case "true", "yes", "y", "1", "はい", "有", "あり" -> true;
			case "false", "no", "n", "0", "いいえ", "無", "なし" -> false;
			default -> {
				problems.add(problem(row, "import.subscription.choiceInvalid", label(labelKey(field)), text));
				yield fallback;
			}
		};
	}

	private static <T extends Enum<T>> T choice(ImportRow row, String field, Map<String, T> values, T fallback,
			List<RowProblem> problems) {
		String text = row.get(field);
		if (text == null) {
			return fallback;
		}
		T value = values.get(text.toLowerCase(Locale.ROOT));
		if (value == null) {
			for (T constant : fallback.getDeclaringClass().getEnumConstants()) {
				if (constant.name().equalsIgnoreCase(text)) {
					return constant;
				}
			}
			problems.add(problem(row, "import.subscription.choiceInvalid", label(labelKey(field)), text));
			return fallback;
		}
		return value;
	}

	private static String labelKey(String field) {
		return "subscription." + field;
	}

	private static RowProblem problem(ImportRow row, String key, Object... arguments) {
		return new RowProblem(row.line(), key, arguments);
	}

	private static DefaultMessageSourceResolvable label(String key) {
		return new DefaultMessageSourceResolvable(key);
	}

	private static ImportField field(String name, String labelKey, boolean required, String... aliases) {
		return new ImportField(name, labelKey, required, List.of(aliases));
	}
}
