export const PREFECTURES = [
  '北海道',
  '青森県',
  '岩手県',
  '宮城県',
  '秋田県',
  '山形県',
  '福島県',
  '茨城県',
  '栃木県',
  '群馬県',
  '埼玉県',
  '千葉県',
  '東京都',
  '神奈川県',
  '新潟県',
  '富山県',
  '石川県',
  '福井県',
  '山梨県',
  '長野県',
  '岐阜県',
  '静岡県',
  '愛知県',
  '三重県',
  '滋賀県',
  '京都府',
  '大阪府',
  '兵庫県',
  '奈良県',
  '和歌山県',
  '鳥取県',
  '島根県',
  '岡山県',
  '広島県',
  '山口県',
  '徳島県',
  '香川県',
  '愛媛県',
  '高知県',
  '福岡県',
  '佐賀県',
  '長崎県',
  '熊本県',
  '大分県',
  '宮崎県',
  '鹿児島県',
  '沖縄県',
] as const;

/** Tokyo's 62 municipalities: 23 wards, 26 cities, 5 towns and 8 villages (with their 郡 / 支庁 where they have one). */
export const TOKYO_MUNICIPALITIES = [
  '千代田区',
  '中央区',
  '港区',
  '新宿区',
  '文京区',
  '台東区',
  '墨田区',
  '江東区',
  '品川区',
  '目黒区',
  '大田区',
  '世田谷区',
  '渋谷区',
  '中野区',
  '杉並区',
  '豊島区',
  '北区',
  '荒川区',
  '板橋区',
  '練馬区',
  '足立区',
  '葛飾区',
  '江戸川区',
  '八王子市',
  '立川市',
  '武蔵野市',
  '三鷹市',
  '青梅市',
  '府中市',
  '昭島市',
  '調布市',
  '町田市',
  '小金井市',
  '小平市',
  '日野市',
  '東村山市',
  '国分寺市',
  '国立市',
  '福生市',
  '狛江市',
  '東大和市',
  '清瀬市',
  '東久留米市',
  '武蔵村山市',
  '多摩市',
  '稲城市',
  '羽村市',
  'あきる野市',
  '西東京市',
  '西多摩郡瑞穂町',
  '西多摩郡日の出町',
  '西多摩郡檜原村',
  '西多摩郡奥多摩町',
  '大島町',
  '利島村',
  '新島村',
  '神津島村',
  '三宅島三宅村',
  '御蔵島村',
  '八丈島八丈町',
  '青ヶ島村',
  '小笠原村',
] as const;

/** Each prefecture's English name, for English readers of a municipality (「大阪府東大阪市 (Osaka Prefecture)」). */
const PREFECTURE_ENGLISH: Record<(typeof PREFECTURES)[number], string> = {
  北海道: 'Hokkaido',
  青森県: 'Aomori',
  岩手県: 'Iwate',
  宮城県: 'Miyagi',
  秋田県: 'Akita',
  山形県: 'Yamagata',
  福島県: 'Fukushima',
  茨城県: 'Ibaraki',
  栃木県: 'Tochigi',
  群馬県: 'Gunma',
  埼玉県: 'Saitama',
  千葉県: 'Chiba',
  東京都: 'Tokyo',
  神奈川県: 'Kanagawa',
  新潟県: 'Niigata',
  富山県: 'Toyama',
  石川県: 'Ishikawa',
  福井県: 'Fukui',
  山梨県: 'Yamanashi',
  長野県: 'Nagano',
  岐阜県: 'Gifu',
  静岡県: 'Shizuoka',
  愛知県: 'Aichi',
  三重県: 'Mie',
  滋賀県: 'Shiga',
  京都府: 'Kyoto',
  大阪府: 'Osaka',
  兵庫県: 'Hyogo',
  奈良県: 'Nara',
  和歌山県: 'Wakayama',
  鳥取県: 'Tottori',
  島根県: 'Shimane',
  岡山県: 'Okayama',
  広島県: 'Hiroshima',
  山口県: 'Yamaguchi',
  徳島県: 'Tokushima',
  香川県: 'Kagawa',
  愛媛県: 'Ehime',
  高知県: 'Kochi',
  福岡県: 'Fukuoka',
  佐賀県: 'Saga',
  長崎県: 'Nagasaki',
  熊本県: 'Kumamoto',
  大分県: 'Oita',
  宮崎県: 'Miyazaki',
  鹿児島県: 'Kagoshima',
  沖縄県: 'Okinawa',
};

/** Tokyo's 23 special wards as they name themselves in English (「葛飾区」: Katsushika City). */
const TOKYO_WARD_ENGLISH: Record<string, string> = {
  千代田区: 'Chiyoda',
  中央区: 'Chuo',
  港区: 'Minato',
  新宿区: 'Shinjuku',
  文京区: 'Bunkyo',
  台東区: 'Taito',
  墨田区: 'Sumida',
  江東区: 'Koto',
  品川区: 'Shinagawa',
  目黒区: 'Meguro',
  大田区: 'Ota',
  世田谷区: 'Setagaya',
  渋谷区: 'Shibuya',
  中野区: 'Nakano',
  杉並区: 'Suginami',
  豊島区: 'Toshima',
  北区: 'Kita',
  荒川区: 'Arakawa',
  板橋区: 'Itabashi',
  練馬区: 'Nerima',
  足立区: 'Adachi',
  葛飾区: 'Katsushika',
  江戸川区: 'Edogawa',
};

/**
 * Cities named in English, by prefecture and name: Tokyo's 26 cities, the 20 designated cities
 * (政令指定都市; their wards read as the city), the other prefectural capitals, and the larger
 * cities around Tokyo and of the SME districts (東大阪, 川口). Elsewhere the prefecture is glossed.
 */
const CITY_ENGLISH: Record<string, string> = {
  東京都八王子市: 'Hachioji',
  東京都立川市: 'Tachikawa',
  東京都武蔵野市: 'Musashino',
  東京都三鷹市: 'Mitaka',
  東京都青梅市: 'Ome',
  東京都府中市: 'Fuchu',
  東京都昭島市: 'Akishima',
  東京都調布市: 'Chofu',
  東京都町田市: 'Machida',
  東京都小金井市: 'Koganei',
  東京都小平市: 'Kodaira',
  東京都日野市: 'Hino',
  東京都東村山市: 'Higashimurayama',
  東京都国分寺市: 'Kokubunji',
  東京都国立市: 'Kunitachi',
  東京都福生市: 'Fussa',
  東京都狛江市: 'Komae',
  東京都東大和市: 'Higashiyamato',
  東京都清瀬市: 'Kiyose',
  東京都東久留米市: 'Higashikurume',
  東京都武蔵村山市: 'Musashimurayama',
  東京都多摩市: 'Tama',
  東京都稲城市: 'Inagi',
  東京都羽村市: 'Hamura',
  東京都あきる野市: 'Akiruno',
  東京都西東京市: 'Nishitokyo',
  北海道札幌市: 'Sapporo',
  宮城県仙台市: 'Sendai',
  埼玉県さいたま市: 'Saitama',
  千葉県千葉市: 'Chiba',
  神奈川県横浜市: 'Yokohama',
  神奈川県川崎市: 'Kawasaki',
  神奈川県相模原市: 'Sagamihara',
  新潟県新潟市: 'Niigata',
  静岡県静岡市: 'Shizuoka',
  静岡県浜松市: 'Hamamatsu',
  愛知県名古屋市: 'Nagoya',
  京都府京都市: 'Kyoto',
  大阪府大阪市: 'Osaka',
  大阪府堺市: 'Sakai',
  兵庫県神戸市: 'Kobe',
  岡山県岡山市: 'Okayama',
  広島県広島市: 'Hiroshima',
  福岡県北九州市: 'Kitakyushu',
  福岡県福岡市: 'Fukuoka',
  熊本県熊本市: 'Kumamoto',
  青森県青森市: 'Aomori',
  岩手県盛岡市: 'Morioka',
  秋田県秋田市: 'Akita',
  山形県山形市: 'Yamagata',
  福島県福島市: 'Fukushima',
  茨城県水戸市: 'Mito',
  栃木県宇都宮市: 'Utsunomiya',
  群馬県前橋市: 'Maebashi',
  富山県富山市: 'Toyama',
  石川県金沢市: 'Kanazawa',
  福井県福井市: 'Fukui',
  山梨県甲府市: 'Kofu',
  長野県長野市: 'Nagano',
  岐阜県岐阜市: 'Gifu',
  三重県津市: 'Tsu',
  滋賀県大津市: 'Otsu',
  奈良県奈良市: 'Nara',
  和歌山県和歌山市: 'Wakayama',
  鳥取県鳥取市: 'Tottori',
  島根県松江市: 'Matsue',
  山口県山口市: 'Yamaguchi',
  徳島県徳島市: 'Tokushima',
  香川県高松市: 'Takamatsu',
  愛媛県松山市: 'Matsuyama',
  高知県高知市: 'Kochi',
  佐賀県佐賀市: 'Saga',
  長崎県長崎市: 'Nagasaki',
  大分県大分市: 'Oita',
  宮崎県宮崎市: 'Miyazaki',
  鹿児島県鹿児島市: 'Kagoshima',
  沖縄県那覇市: 'Naha',
  埼玉県川口市: 'Kawaguchi',
  埼玉県川越市: 'Kawagoe',
  埼玉県越谷市: 'Koshigaya',
  埼玉県所沢市: 'Tokorozawa',
  千葉県船橋市: 'Funabashi',
  千葉県柏市: 'Kashiwa',
  千葉県松戸市: 'Matsudo',
  千葉県市川市: 'Ichikawa',
  神奈川県横須賀市: 'Yokosuka',
  神奈川県藤沢市: 'Fujisawa',
  群馬県高崎市: 'Takasaki',
  茨城県つくば市: 'Tsukuba',
  大阪府東大阪市: 'Higashiosaka',
  兵庫県姫路市: 'Himeji',
  兵庫県尼崎市: 'Amagasaki',
  愛知県豊田市: 'Toyota',
};

/** The city keys longest first, so that 東大阪市 is not read as another city's prefix. */
const CITY_KEYS = Object.keys(CITY_ENGLISH).sort((a, b) => b.length - a.length);

/**
 * A municipality as an English reader needs it: the Japanese, which is what maps and signs show,
 * with where it is in English beside it, as Japanese tags are glossed — 「東京都葛飾区 (Katsushika
 * City, Tokyo)」, 「神奈川県横浜市中区 (Yokohama City, Kanagawa)」, and for a place not named in English
 * its prefecture, 「長野県岡谷市 (Nagano Prefecture)」. Anything else (no known prefecture) stays as written.
 */
export function municipalityForEnglishReader(value: string): string {
  const normalized = normalizeMunicipality(value);
  const prefecture = PREFECTURES.find((candidate) => normalized.startsWith(candidate));
  if (!prefecture) return value;
  const name = PREFECTURE_ENGLISH[prefecture];
  const ward = prefecture === '東京都' ? TOKYO_WARD_ENGLISH[normalized.slice(prefecture.length)] : undefined;
  const cityKey = CITY_KEYS.find((key) => normalized.startsWith(key));
  const city = ward ?? (cityKey ? CITY_ENGLISH[cityKey] : undefined);
  const place = city
    ? `${city} City, ${name}`
    : prefecture === '東京都' || prefecture === '北海道'
      ? name
      : `${name} Prefecture`;
  return `${value} (${place})`;
}

// Outside Tokyo we check the shape (prefecture, then a 市/区/町/村 name, optionally under a 郡 or a
// designated city's ward) rather than ship the whole national list of ~1,700 names.
const MUNICIPALITY_SHAPE = /^(?:[^\s]{1,6}郡)?[^\s]{1,8}?[市区町村](?:[^\s]{1,5}区)?$/u;

/** Normalises the usual spreadsheet variations (full-width spaces, 東京都 葛飾区) to 東京都葛飾区. */
export function normalizeMunicipality(value: string): string {
  return value.normalize('NFKC').replace(/\s+/gu, '').trim();
}

export function isValidMunicipality(value: string): boolean {
  const normalized = normalizeMunicipality(value);
  const prefecture = PREFECTURES.find((candidate) => normalized.startsWith(candidate));
  if (!prefecture) return false;
  const rest = normalized.slice(prefecture.length);
  if (prefecture === '東京都') {
    return (TOKYO_MUNICIPALITIES as readonly string[]).includes(rest) || isTokyoIslandShortForm(rest);
  }
  return MUNICIPALITY_SHAPE.test(rest);
}

// 三宅村 and 八丈町 are written both with and without their island name.
function isTokyoIslandShortForm(rest: string): boolean {
  return (
    rest === '三宅村' ||
    rest === '八丈町' ||
    rest === '瑞穂町' ||
    rest === '日の出町' ||
    rest === '檜原村' ||
    rest === '奥多摩町'
  );
}
