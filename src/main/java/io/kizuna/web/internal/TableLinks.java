package io.kizuna.web.internal;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Links for sortable, paged tables, built from the current request so that every filter in its
 * query string is kept without each template listing them again. Templates call it as
 * {@code @tables.sorted('name', sort, dir)}, {@code @tables.page(2)} or {@code @tables.at('/x.csv')}.
 */
@Component("tables")
public class TableLinks {

	/** The same view sorted by the column: ascending, or descending when it is already ascending; page 1. */
	public String sorted(String column, String currentSort, String currentDir) {
		String dir = column.equals(currentSort) && "asc".equals(currentDir) ? "desc" : "asc";
		return current().replaceQueryParam("sort", column)
			.replaceQueryParam("dir", dir)
			.replaceQueryParam("page")
			.build()
			.encode()
			.toUriString();
	}

	public String page(int page) {
		return current().replaceQueryParam("page", page).build().encode().toUriString();
	}

	/** Another path with the same filters and order, e.g. the CSV export of the view. */
	public String at(String path) {
		return current().replacePath(path).replaceQueryParam("page").build().encode().toUriString();
	}

	/** The current view's query string without the page (what a saved view keeps), empty when there is none. */
	public String view() {
		String query = current().replaceQueryParam("page").build().encode().getQuery();
		return query == null ? "" : query;
	}

	/** Path and parameters of the current request (not its raw query string, which a form post lacks). */
	private static UriComponentsBuilder current() {
		HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
			.getRequest();
		UriComponentsBuilder builder = UriComponentsBuilder.fromPath(request.getRequestURI());
		request.getParameterMap().forEach((name, values) -> {
			if (!"_csrf".equals(name)) {
				builder.queryParam(name, (Object[]) values);
			}
		});
		return builder;
	}
}
