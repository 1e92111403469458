package io.kizuna.usage.internal;

import java.time.Clock;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.kizuna.shared.NotFoundException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Usage", description = "Product usage per account, from the daily rollups")
@PreAuthorize("hasRole('ADMIN')")
class FeaturesApi {

	private final Features features;

	private final Clock clock;

	FeaturesApi(Features features, Clock clock) {
		this.features = features;
		this.clock = clock;
	}

	record FeatureRequest(@NotBlank @Size(max = 100) String feature, @Size(max = 100) String group) {
	}

	@GetMapping("/api/v1/usage/features")
	@Operation(summary = "Which tracked events count as which feature")
	List<Features.Mapping> mappings() {
		return features.all();
	}

	@PutMapping("/api/v1/usage/features/{event}")
	@Operation(summary = "Count this event as this feature (and group), replacing what it counted as before")
	Features.Mapping put(@PathVariable String event, @Valid @RequestBody FeatureRequest request) {
		Features.Mapping mapping = new Features.Mapping(event, request.feature().strip(),
				request.group() == null || request.group().isBlank() ? null : request.group().strip());
		features.map(mapping, clock.instant());
		return mapping;
	}

	@DeleteMapping("/api/v1/usage/features/{event}")
	@Operation(summary = "Stop counting this event as a feature")
	ResponseEntity<Void> delete(@PathVariable String event) {
		if (!features.unmap(event)) {
			throw new NotFoundException("usage.feature.notFound", event);
		}
		return ResponseEntity.noContent().build();
	}
}
