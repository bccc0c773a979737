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
 * A municipality as an English reader needs it: the Japanese, which is what maps and signs show,
 * with where it is in English beside it, as Japanese tags are glossed — 「東京都葛飾区 (Katsushika
 * City, Tokyo)」, 「大阪府東大阪市 (Osaka Prefecture)」. Anything else (no known prefecture) stays as written.
 */
export function municipalityForEnglishReader(value: string): string {
  const normalized = normalizeMunicipality(value);
  const prefecture = PREFECTURES.find((candidate) => normalized.startsWith(candidate));
  if (!prefecture) return value;
  const ward = prefecture === '東京都' ? TOKYO_WARD_ENGLISH[normalized.slice(prefecture.length)] : undefined;
  const name = PREFECTURE_ENGLISH[prefecture];
  const place = ward
    ? `${ward} City, Tokyo`
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
