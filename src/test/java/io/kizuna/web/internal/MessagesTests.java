package io.kizuna.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * Every screen speaks English and Japanese: both message files have the same keys, every key a
 * template or a validation message names exists, and no template shows text that is not a message.
 */
class MessagesTests {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	private static final Path JAVA = Path.of("src/main/java");

	/** Attributes that replace an element's prototype text, so the text there is never shown. */
	private static final Set<String> REPLACING = Set.of("th:text", "th:utext", "th:replace", "th:insert", "th:remove",
			"th:errors");

	private static final Set<String> VISIBLE_ATTRIBUTES = Set.of("title", "placeholder", "aria-label", "alt");

	private static final Pattern STATIC_KEY = Pattern.compile("#\\{([A-Za-z0-9_.]+)[}(]");

	private static final Pattern JAVA_KEY = Pattern.compile("\"((?:user|password|profile|token|tokens|error|login|account|contact|subscription|activity|timeline|import|customField|savedView|metrics|survey|usage|health)\\.[A-Za-z0-9_.]*[A-Za-z0-9_])\"");

	private static final Pattern VALIDATION_KEY = Pattern.compile("message = \"\\{([A-Za-z0-9_.]+)}\"");

	@Test
	void englishAndJapaneseHaveTheSameKeys() throws IOException {
		Set<String> english = load("messages.properties").stringPropertyNames();
		Set<String> japanese = load("messages_ja.properties").stringPropertyNames();

		assertThat(difference(english, japanese)).as("keys missing in messages_ja.properties").isEmpty();
		assertThat(difference(japanese, english)).as("keys missing in messages.properties").isEmpty();
	}

	@Test
	void everyKeyNamedInTemplatesAndCodeExists() throws IOException {
		Set<String> keys = load("messages.properties").stringPropertyNames();
		Set<String> named = new TreeSet<>();
		for (Path template : templates()) {
			collect(STATIC_KEY, Files.readString(template), named);
		}
		try (Stream<Path> sources = Files.walk(JAVA)) {
			for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
				String code = Files.readString(source);
				collect(JAVA_KEY, code, named);
				collect(VALIDATION_KEY, code, named);
			}
		}
		assertThat(named).hasSizeGreaterThan(50);
		assertThat(difference(named, keys)).as("keys used but not defined").isEmpty();
	}

	@Test
	void templatesShowNoTextOutsideMessages() throws IOException {
		List<String> problems = new ArrayList<>();
		for (Path template : templates()) {
			for (String problem : visibleTextOutsideMessages(Files.readString(template))) {
				problems.add(TEMPLATES.relativize(template) + ": " + problem);
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void theTemplateCheckFindsHardCodedText() {
		assertThat(visibleTextOutsideMessages("<div><p>Hello</p><button th:text=\"#{ok}\">OK</button></div>"))
			.containsExactly("text 'Hello' in <p>");
		assertThat(visibleTextOutsideMessages("<input placeholder=\"Search\">"))
			.containsExactly("attribute placeholder='Search' in <input>");
		assertThat(visibleTextOutsideMessages("<p th:text=\"#{x}\">Prototype</p><span>42 – …</span>")).isEmpty();
	}

	static List<String> visibleTextOutsideMessages(String html) {
		Document document = Jsoup.parse(html, "", Parser.xmlParser());
		List<String> problems = new ArrayList<>();
		for (Element element : document.getAllElements()) {
			if (replaced(element) || element.tagName().equals("script") || element.tagName().equals("style")) {
				continue;
			}
			for (TextNode text : element.textNodes()) {
				if (hasLetters(text.text())) {
					problems.add("text '" + text.text().trim() + "' in <" + element.tagName() + ">");
				}
			}
			for (String attribute : VISIBLE_ATTRIBUTES) {
				if (element.hasAttr(attribute) && hasLetters(element.attr(attribute))) {
					problems.add("attribute " + attribute + "='" + element.attr(attribute) + "' in <" + element.tagName()
							+ ">");
				}
			}
		}
		return problems;
	}

	private static boolean replaced(Element element) {
		for (Element e = element; e != null; e = e.parent()) {
			if (e.attributes().asList().stream().anyMatch(a -> REPLACING.contains(a.getKey()))) {
				return true;
			}
		}
		return false;
	}

	private static boolean hasLetters(String text) {
		return text.codePoints().anyMatch(Character::isLetter);
	}

	private static List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
		}
	}

	private static void collect(Pattern pattern, String text, Set<String> into) {
		Matcher matcher = pattern.matcher(text);
		while (matcher.find()) {
			into.add(matcher.group(1));
		}
	}

	private static Set<String> difference(Set<String> a, Set<String> b) {
		Set<String> result = new TreeSet<>(a);
		result.removeAll(b);
		return result;
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = Files.newInputStream(Path.of("src/main/resources", name))) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}
}
