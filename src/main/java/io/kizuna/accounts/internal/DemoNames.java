package io.kizuna.accounts.internal;

import java.util.List;

import io.kizuna.accounts.LifecycleStage;

/**
 * The vocabulary of the demo company: word pools and the odds of countries, industries and stages.
 * Everything is a list, never a hash-ordered set or map, because the generator walks these with a
 * seeded random and must meet them in the same order on every JVM. Domains use example.jp and
 * example.com, reserved for documentation, so no demo e-mail can reach a real company.
 */
final class DemoNames {

	/** A Japanese word and its romanisation, which domains and e-mail addresses need. */
	record Word(String text, String ascii) {
	}

	record Share<T>(T value, int weight) {
	}

	record Country(String code, int weight, String domain, String phone, List<String> legalForms) {

		boolean japanese() {
			return "JP".equals(code);
		}
	}

	record Industry(String name, int weight, List<Word> japanese, List<String> english, boolean publicSector) {
	}

	static final List<Country> COUNTRIES = List.of(
			new Country("JP", 62, "example.jp", "+81 3-####-####", List.of("株式会社")),
			new Country("US", 14, "example.com", "+1 212-555-01##", List.of("Inc.", "LLC", "Corp.")),
			new Country("GB", 7, "example.com", "+44 20 7946 0###", List.of("Ltd", "Ltd", "plc")),
			new Country("DE", 5, "example.com", "+49 30 #######", List.of("GmbH", "GmbH", "AG")),
			new Country("SG", 4, "example.com", "+65 6### ####", List.of("Pte. Ltd.")),
			new Country("AU", 3, "example.com", "+61 2 #### ####", List.of("Pty Ltd")),
			new Country("FR", 2, "example.com", "+33 1 ## ## ## ##", List.of("SAS", "SA")),
			new Country("KR", 2, "example.com", "+82 2-####-####", List.of("Co., Ltd.")),
			new Country("CA", 1, "example.com", "+1 416-555-01##", List.of("Inc.", "Ltd.")));

	static final List<Industry> INDUSTRIES = List.of(
			new Industry("SaaS", 22, words("テック", "tech", "ソフト", "soft", "クラウド", "cloud", "システムズ", "systems",
					"ラボ", "labs", "デジタル", "digital"),
					List.of("Software", "Labs", "Cloud", "Systems", "Technologies", "Digital"), false),
			new Industry("Manufacturing", 16, words("製作所", "seisakusho", "工業", "kogyo", "精機", "seiki", "化学",
					"kagaku", "マテリアル", "material"),
					List.of("Manufacturing", "Industries", "Precision", "Materials", "Components"), false),
			new Industry("Retail", 12, words("商事", "shoji", "ストア", "store", "リテール", "retail", "フーズ", "foods"),
					List.of("Retail", "Stores", "Market", "Goods", "Foods"), false),
			new Industry("Finance", 10, words("証券", "shoken", "フィナンシャル", "financial", "キャピタル", "capital",
					"ペイメント", "payment", "損害保険", "insurance"),
					List.of("Financial", "Capital", "Payments", "Insurance"), false),
			new Industry("Healthcare", 9, words("メディカル", "medical", "製薬", "seiyaku", "ヘルスケア", "healthcare",
					"ファーマ", "pharma"), List.of("Health", "Medical", "Pharma", "Care"), false),
			new Industry("Logistics", 8, words("運輸", "unyu", "ロジスティクス", "logistics", "物流", "butsuryu",
					"エクスプレス", "express"), List.of("Logistics", "Freight", "Express", "Shipping"), false),
			new Industry("Education", 7, words("教育", "kyoiku", "ラーニング", "learning", "ゼミナール", "seminar"),
					List.of("Learning", "Education", "Academy"), false),
			new Industry("Professional services", 7, words("コンサルティング", "consulting", "パートナーズ", "partners",
					"総研", "soken"), List.of("Consulting", "Partners", "Advisory"), false),
			new Industry("Media", 5, words("メディア", "media", "出版", "shuppan", "エンタテインメント", "entertainment"),
					List.of("Media", "Studios", "Publishing"), false),
			new Industry("Public sector", 4, words("市役所", "city", "町役場", "town", "振興公社", "kosha"),
					List.of("City of %s", "%s County Council", "%s Transit Authority"), true));

	static final List<Share<LifecycleStage>> STAGES = List.of(new Share<>(LifecycleStage.ONBOARDING, 10),
			new Share<>(LifecycleStage.ADOPTION, 42), new Share<>(LifecycleStage.RENEWAL, 28),
			new Share<>(LifecycleStage.EXPANSION, 12), new Share<>(LifecycleStage.CHURNED, 8));

	static final List<Word> KATAKANA_STEMS = words("アオバ", "aoba", "ミライ", "mirai", "サクラ", "sakura", "ヒカリ",
			"hikari", "ツバサ", "tsubasa", "ミドリ", "midori", "ソラ", "sora", "カエデ", "kaede", "ハヤテ", "hayate", "ネクスト",
			"next", "グローバル", "global", "アルファ", "alpha", "コスモ", "cosmo", "リンク", "link", "フォレスト", "forest",
			"ブルーウェーブ", "bluewave");

	/** Sounds for made-up brand names such as マリノテック, which keep 100,000 names mostly distinct. */
	static final List<Word> MORAE = words("ア", "a", "イ", "i", "カ", "ka", "キ", "ki", "ク", "ku", "コ", "ko", "サ", "sa",
			"シ", "shi", "ソ", "so", "セ", "se", "タ", "ta", "テ", "te", "ト", "to", "ナ", "na", "ノ", "no", "ネ", "ne",
			"ハ", "ha", "ホ", "ho", "マ", "ma", "ミ", "mi", "モ", "mo", "ヤ", "ya", "ユ", "yu", "ラ", "ra", "リ", "ri", "ル",
			"ru", "レ", "re", "ロ", "ro");

	static final List<Word> KANJI_STEMS = words("東洋", "toyo", "大和", "yamato", "日本橋", "nihonbashi", "新星", "shinsei",
			"白鷺", "shirasagi", "丸の内", "marunouchi", "昭栄", "shoei", "富士見", "fujimi", "中央", "chuo", "栄光", "eiko",
			"青葉", "aoba", "若葉", "wakaba", "桜丘", "sakuragaoka", "港北", "kohoku", "光陽", "koyo", "千代田", "chiyoda",
			"湘南", "shonan", "北陸", "hokuriku", "瀬戸内", "setouchi", "信州", "shinshu");

	static final List<String> ENGLISH_STEMS = List.of("North", "Blue", "Silver", "Bright", "Iron", "Maple", "Red",
			"Summit", "Harbor", "Clear", "Stone", "Oak", "Pioneer", "Atlas", "Nova", "Cedar", "Falcon", "River", "Lumen",
			"Vertex", "Copper", "Willow", "Granite", "Sun", "Star", "Pine", "Eagle", "Crystal", "Amber", "Hawk", "Bay",
			"Prime");

	static final List<String> ENGLISH_ENDINGS = List.of("field", "stone", "wave", "point", "bridge", "gate", "line",
			"path", "crest", "view", "works", "peak", "ridge", "wood", "ford", "light", "brook", "haven", "mark", "spring");

	static final List<Word> FAMILY_NAMES = words("佐藤", "sato", "鈴木", "suzuki", "高橋", "takahashi", "田中", "tanaka",
			"伊藤", "ito", "渡辺", "watanabe", "山本", "yamamoto", "中村", "nakamura", "小林", "kobayashi", "加藤", "kato",
			"吉田", "yoshida", "山田", "yamada", "佐々木", "sasaki", "山口", "yamaguchi", "松本", "matsumoto", "井上", "inoue",
			"木村", "kimura", "林", "hayashi", "斎藤", "saito", "清水", "shimizu");

	static final List<Word> GIVEN_NAMES = words("翔太", "shota", "美咲", "misaki", "大輔", "daisuke", "陽菜", "hina",
			"健太", "kenta", "由美", "yumi", "拓也", "takuya", "さくら", "sakura", "直樹", "naoki", "愛", "ai", "誠", "makoto",
			"葵", "aoi", "悠斗", "yuto", "恵", "megumi", "翼", "tsubasa", "結衣", "yui", "隆", "takashi", "彩", "aya", "亮",
			"ryo", "真由美", "mayumi");

	static final List<String> FIRST_NAMES = List.of("Emily", "James", "Olivia", "Daniel", "Sophie", "Michael", "Hannah",
			"Thomas", "Grace", "Lukas", "Anna", "Wei", "Priya", "David", "Laura", "Benjamin", "Chloe", "Samuel", "Mia",
			"Oliver", "Min-jun", "Camille");

	static final List<String> LAST_NAMES = List.of("Clarke", "Smith", "Johnson", "Brown", "Taylor", "Wilson", "Schmidt",
			"Fischer", "Weber", "Tan", "Lim", "Ng", "Kim", "Park", "Martin", "Dubois", "Walker", "Evans", "Nguyen",
			"Patel", "Murphy", "Hughes");

	private DemoNames() {
	}

	static List<String> titles(ContactRole role, boolean japanese) {
		return switch (role) {
			case DECISION_MAKER -> japanese ? List.of("代表取締役", "取締役 CTO", "情報システム部 部長", "経営企画部 部長", "DX推進室 室長")
					: List.of("CEO", "CTO", "VP of Operations", "Head of IT", "CFO", "COO");
			case CHAMPION -> japanese ? List.of("DX推進室 マネージャー", "営業企画部 課長", "カスタマーサポート部 課長", "業務改革チーム リーダー")
					: List.of("Operations Manager", "Head of Customer Experience", "Revenue Operations Lead",
							"Product Operations Manager");
			case ADMIN -> japanese ? List.of("情報システム部 主任", "情報システム部 担当", "総務部 係長")
					: List.of("IT Administrator", "Systems Administrator", "IT Manager");
			case END_USER -> japanese ? List.of("営業部 担当", "カスタマーサポート部 担当", "マーケティング部 担当", "経理部 担当")
					: List.of("Account Manager", "Support Specialist", "Marketing Specialist", "Analyst");
		};
	}

	private static List<Word> words(String... textThenAscii) {
		Word[] words = new Word[textThenAscii.length / 2];
		for (int i = 0; i < words.length; i++) {
			words[i] = new Word(textThenAscii[2 * i], textThenAscii[2 * i + 1]);
		}
		return List.of(words);
	}
}
