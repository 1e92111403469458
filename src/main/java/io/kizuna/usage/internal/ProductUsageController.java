package io.kizuna.usage.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.RestController;

/** The product-wide usage view: how much the customer base uses the product, and which features. */
@Controller
@PreAuthorize("hasRole('VIEWER')")
class ProductUsageController {

	private final ProductUsage usage;

	ProductUsageController(ProductUsage usage) {
		this.usage = usage;
	}

	@GetMapping("/analytics/usage")
	String page(Model model) {
		model.addAttribute("usage", usage.last(30));
		return "usage/product";
	}

	@RestController
	@Tag(name = "Usage", description = "Product usage per account, from the daily rollups")
	@PreAuthorize("hasRole('VIEWER')")
	static class Api {

		private final ProductUsage usage;

		Api(ProductUsage usage) {
			this.usage = usage;
		}

		@GetMapping("/api/v1/usage")
		@ResponseBody
		@Operation(summary = "Usage across all accounts over the last 30 days: active users and accounts per day, "
				+ "feature adoption, and how many companies seen in the product match no account yet")
		ProductUsage.Summary summary() {
			return usage.last(30);
		}
	}
}
