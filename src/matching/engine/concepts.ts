/**
 * A small thesaurus of what SMEs ask each other for, so that 販路拡大, 売り先を増やしたい and
 * 新しい取引先 all count as the same need. Terms are matched as substrings of normalised text
 * (Latin terms only on word boundaries, so 'it' does not fire inside 'with').
 *
 * `serves` lists other needs an offer of this concept answers: a coordinator would say an
 * EC-site builder helps a company looking for new sales channels, not only one wanting a web shop.
 */
export interface Concept {
  id: string;
  ja: string;
  en: string;
  terms: string[];
  /** Longer words that hold a term but mean something else: 技能承継 is not 事業承継. */
  except?: string[];
  serves?: string[];
}

export const CONCEPTS: Concept[] = [
  {
    id: 'sales-channel',
    ja: '販路開拓',
    en: 'new sales channels',
    terms: [
      '販路',
      '売り先',
      '売先',
      '販売先',
      // Not 取引先 alone: 「取引先から求められている」「取引先と一緒に」 speak of the ones they have.
      '新しい取引先',
      '新規取引先',
      '取引先を探',
      '取引先を増や',
      '取引先開拓',
      '取引先の開拓',
      '取引先拡大',
      '取引先の拡大',
      '取引先紹介',
      '取引先の紹介',
      '取引先ネットワーク',
      '新規顧客',
      '顧客開拓',
      '新規開拓',
      '営業先',
      '拡販',
      '売上拡大',
      '商談先',
    ],
  },
  {
    id: 'wholesale',
    ja: '卸・小売への流通',
    en: 'wholesale and retail distribution',
    terms: ['卸先', '卸売', '問屋', '小売店', '量販店', '百貨店', 'スーパー', 'バイヤー', '取扱店'],
    serves: ['sales-channel'],
  },
  {
    id: 'procurement',
    ja: '仕入れ・調達',
    en: 'purchasing and sourcing',
    terms: ['仕入', '調達', '原材料', '購買', '資材'],
  },
  {
    id: 'ec',
    ja: 'ECサイト構築',
    en: 'online shop',
    terms: [
      'ec',
      'ネットショップ',
      '通販',
      'オンラインショップ',
      'ネット販売',
      'オンライン販売',
      'eコマース',
    ],
    serves: ['sales-channel'],
  },
  {
    id: 'website',
    ja: 'ホームページ制作',
    en: 'website building',
    terms: [
      'ホームページ',
      'hp',
      'ウェブサイト',
      'webサイト',
      'web制作',
      'サイト制作',
      'ランディングページ',
      'サイト構築',
    ],
    serves: ['pr'],
  },
  {
    id: 'pr',
    ja: '広報・PR',
    en: 'publicity and marketing',
    terms: [
      '広報',
      'pr',
      'プレスリリース',
      '広告',
      '宣伝',
      '販促',
      '販売促進',
      '集客',
      'マーケティング',
      'ブランディング',
      '認知度',
    ],
  },
  {
    id: 'sns',
    ja: 'SNS発信',
    en: 'social media',
    terms: ['sns', 'インスタ', 'instagram', 'ツイッター', 'twitter', 'youtube', 'tiktok', 'ライブ配信'],
    serves: ['pr'],
  },
  {
    id: 'video',
    ja: '動画制作',
    en: 'video production',
    terms: ['動画', '映像', '撮影'],
    serves: ['pr'],
  },
  {
    id: 'design',
    ja: 'デザイン',
    en: 'design',
    terms: ['デザイン', 'デザイナー', 'パッケージ', 'ロゴ', 'グラフィック', '意匠'],
  },
  {
    id: 'product-development',
    ja: '商品開発',
    en: 'product development',
    terms: ['商品開発', '新商品', '製品開発', '新製品', '共同開発', '商品企画', '商品化', '製品化'],
  },
  {
    id: 'prototyping',
    ja: '試作',
    en: 'prototyping',
    terms: ['試作', 'プロトタイプ', '少量生産', '3dプリンタ', '3dプリンター'],
  },
  {
    id: 'metalwork',
    ja: '金属加工',
    en: 'metalworking',
    terms: [
      '金属加工',
      '切削',
      '板金',
      '溶接',
      '旋盤',
      'プレス加工',
      '精密加工',
      '機械加工',
      '金型',
      'ステンレス',
    ],
  },
  {
    id: 'resin',
    ja: '樹脂成形',
    en: 'plastic moulding',
    terms: ['樹脂', 'プラスチック', '射出成形', '成形加工'],
  },
  {
    id: 'contract-manufacturing',
    ja: '製造委託・OEM',
    en: 'contract manufacturing (OEM)',
    terms: ['oem', '製造委託', '受託製造', '委託生産', '生産委託', '外注', '量産', '受託生産'],
  },
  {
    id: 'food',
    ja: '食品加工',
    en: 'food processing',
    terms: ['食品加工', '加工食品', '惣菜', '菓子', '食品製造', '6次産業', '六次産業'],
  },
  {
    id: 'agriculture',
    ja: '農産物・地域産品',
    en: 'farm and local produce',
    terms: ['農産物', '野菜', '果物', '地場産', '特産', '産直', '農家', '米農家', '水産物'],
  },
  {
    id: 'restaurant',
    ja: '飲食店',
    en: 'restaurants',
    terms: ['飲食店', 'レストラン', '居酒屋', 'カフェ', '外食'],
  },
  {
    id: 'tourism',
    ja: '観光・インバウンド',
    en: 'tourism and inbound visitors',
    terms: ['観光', 'インバウンド', '訪日', '旅行', '宿泊', 'ホテル', '旅館'],
  },
  {
    id: 'overseas',
    ja: '海外展開',
    en: 'overseas expansion',
    terms: ['海外', '輸出', '越境', '貿易', '輸入'],
    serves: ['sales-channel'],
  },
  {
    id: 'translation',
    ja: '翻訳・通訳',
    en: 'translation and interpreting',
    terms: ['翻訳', '通訳', '多言語', '英語対応', '外国語'],
  },
  {
    id: 'funding',
    ja: '資金調達',
    en: 'financing',
    terms: ['資金', '融資', '借入', '出資', 'ファイナンス', 'クラウドファンディング', 'ファンド'],
  },
  {
    id: 'subsidy',
    ja: '補助金・助成金',
    en: 'grants and subsidies',
    terms: ['補助金', '助成金', '給付金', '補助事業', '公的支援'],
    serves: ['funding'],
  },
  {
    id: 'succession',
    ja: '事業承継',
    en: 'business succession',
    terms: [
      '事業承継',
      '後継者',
      '承継',
      '跡継ぎ',
      '後継ぎ',
      '事業引継',
      '引き継',
      'm&a',
      '事業譲渡',
      '事業売却',
      '廃業',
    ],
    except: ['技能承継', '技術承継'],
  },
  {
    id: 'recruitment',
    ja: '人材採用',
    en: 'recruitment',
    terms: [
      '採用',
      '求人',
      '人材確保',
      '人手不足',
      '人材募集',
      '新卒',
      '中途',
      '外国人材',
      '技能実習',
      '特定技能',
      '人材紹介',
      '雇用',
      '働き手',
    ],
  },
  {
    id: 'training',
    ja: '人材育成・研修',
    en: 'training and skills',
    terms: ['研修', '人材育成', '社員教育', '教育訓練', '技能継承', '技能承継', '技術承継', 'スキルアップ'],
  },
  {
    id: 'dx',
    ja: 'DX・IT化',
    en: 'digitalisation (DX)',
    terms: [
      'dx',
      'デジタル化',
      'it化',
      'ペーパーレス',
      '業務効率化',
      'クラウド',
      'システム導入',
      'rpa',
      '自動化',
      'ai',
      'デジタル',
    ],
  },
  {
    id: 'software',
    ja: 'システム開発',
    en: 'software development',
    terms: ['システム開発', 'アプリ', 'ソフトウェア', 'プログラミング', '業務システム', 'エンジニア'],
    serves: ['dx'],
  },
  {
    id: 'iot',
    ja: 'IoT',
    en: 'IoT',
    terms: ['iot', 'センサー', 'センサ', '見える化', '可視化', '遠隔監視'],
    serves: ['dx'],
  },
  {
    id: 'accounting',
    ja: '会計・税務',
    en: 'accounting and tax',
    terms: ['会計', '経理', '税務', '税理士', '決算', '記帳', '確定申告', 'インボイス', '節税'],
  },
  {
    id: 'intellectual-property',
    ja: '知的財産',
    en: 'intellectual property',
    terms: ['特許', '商標', '知的財産', '知財', '弁理士'],
  },
  {
    id: 'legal',
    ja: '法務・契約',
    en: 'legal and contracts',
    terms: ['法務', '契約書', '弁護士', '法律相談'],
  },
  {
    id: 'labour',
    ja: '労務管理',
    en: 'labour management',
    terms: ['労務', '社会保険', '社労士', '就業規則', '給与計算'],
  },
  {
    id: 'logistics',
    ja: '物流・配送',
    en: 'logistics and delivery',
    terms: ['物流', '配送', '運送', '輸送', '倉庫', '保管', '発送', '宅配', '配達', 'トラック'],
  },
  {
    id: 'energy',
    ja: '省エネ・脱炭素',
    en: 'energy saving and decarbonisation',
    terms: [
      '省エネ',
      '脱炭素',
      '太陽光',
      '再生可能エネルギー',
      '再エネ',
      'カーボン',
      'co2',
      '電気代',
      '蓄電池',
      '環境負荷',
    ],
  },
  {
    id: 'bcp',
    ja: 'BCP・防災',
    en: 'business continuity (BCP)',
    terms: ['bcp', '事業継続', '防災', '災害', '危機管理'],
  },
  {
    id: 'property',
    ja: '店舗・物件',
    en: 'premises and property',
    terms: ['物件', '空き店舗', '空き家', '不動産', 'テナント', '工場用地', '事務所スペース'],
  },
  {
    id: 'construction',
    ja: '改装・工事',
    en: 'renovation and construction',
    terms: ['改装', 'リフォーム', '内装', '工事', '建築', '施工', '修繕', 'リノベーション'],
  },
  {
    id: 'healthcare',
    ja: '医療・介護',
    en: 'medical and care',
    terms: ['医療', '介護', '福祉', 'ヘルスケア', '病院', 'クリニック', '医療機器', '看護'],
  },
  {
    id: 'startup',
    ja: '創業',
    en: 'starting a business',
    // Bare 創業 / 開業 mostly appear as 「創業50年」, which says nothing about needing start-up help.
    terms: [
      '起業',
      'スタートアップ',
      'ベンチャー',
      '創業支援',
      '創業準備',
      '創業予定',
      '創業したい',
      '創業計画',
      '開業支援',
      '開業準備',
      '独立開業',
    ],
  },
  {
    id: 'management-advice',
    ja: '経営相談',
    en: 'management advice',
    terms: [
      '経営相談',
      '経営改善',
      '事業計画',
      '経営計画',
      'コンサル',
      '中小企業診断士',
      '伴走支援',
      '経営指導',
    ],
  },
  {
    id: 'exhibition',
    ja: '展示会・催事',
    en: 'trade shows and pop-up events',
    terms: ['展示会', '催事', '物産展', '見本市', 'ポップアップ', 'マルシェ', '出展'],
    serves: ['sales-channel'],
  },
  {
    id: 'venue',
    ja: '会場・スペース',
    en: 'venues and spaces',
    terms: ['会場', 'レンタルスペース', '貸し会議室', '貸会議室', 'イベントスペース', 'ホール'],
  },
  {
    id: 'printing',
    ja: '印刷',
    en: 'printing',
    terms: ['印刷', 'チラシ', 'パンフレット', '名刺', '看板', 'カタログ'],
  },
  {
    id: 'packaging',
    ja: '包装資材',
    en: 'packaging materials',
    terms: ['包装', '梱包', '段ボール', '容器'],
  },
  {
    id: 'research',
    ja: '産学連携・技術相談',
    en: 'research and technical advice',
    terms: ['大学', '研究機関', '産学', '技術相談', '共同研究', '評価試験', '分析'],
  },
  {
    id: 'cashless',
    ja: 'キャッシュレス決済',
    en: 'cashless payments',
    terms: ['キャッシュレス', '決済', 'レジ', 'pos'],
  },
  {
    id: 'insurance',
    ja: '保険',
    en: 'insurance',
    terms: ['保険', '損害保険', '生命保険'],
  },
];

const CONCEPT_BY_ID = new Map(CONCEPTS.map((c) => [c.id, c]));

export function conceptById(id: string): Concept | undefined {
  return CONCEPT_BY_ID.get(id);
}

interface CompiledTerm {
  conceptId: string;
  term: string;
  latin?: RegExp;
  except?: string[];
}

const COMPILED: CompiledTerm[] = CONCEPTS.flatMap((c) =>
  c.terms.map((term) =>
    /^[a-z0-9&]+$/.test(term)
      ? { conceptId: c.id, term, latin: new RegExp(`(?<![a-z0-9])${escapeRegExp(term)}(?![a-z0-9])`) }
      : { conceptId: c.id, term, except: c.except },
  ),
);

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Concept ids mentioned in already-normalised text, each once, in thesaurus order. */
export function findConcepts(normalizedText: string): string[] {
  const found = new Set<string>();
  for (const t of COMPILED) {
    if (found.has(t.conceptId)) continue;
    const text = t.except
      ? t.except.reduce((rest, word) => rest.replaceAll(word, '\u0000'), normalizedText)
      : normalizedText;
    if (t.latin ? t.latin.test(text) : text.includes(t.term)) found.add(t.conceptId);
  }
  return [...found];
}

// Whom a participant wants to meet, described by what those people need: 「承継の悩みを抱える事業者」,
// 「資金調達をお考えの方」, 「DXに取り組みたい企業」. What is named there is the others' need.
const PROBLEM_HOLDER =
  /(?:悩み|課題|ニーズ|需要|問題|困りごと)(?:を|が)?(?:抱え|お持ち|持|ある|のある)|(?:に|で)(?:悩|お悩み|困|お困り)|(?:を|が)(?:検討|考え|お考え|必要と|求め|お求め|探|お探し|予定)|が必要な|に取り組(?:む|みたい|もうとする)/;
const PEOPLE =
  /(?:事業者|企業|会社|経営者|方|人|お客|顧客|事業所|店舗|後継者|社長|オーナー|先)(?:様|さま|々)?(?:と|に|を|の|へ|から|が)/;
// 「承継案件に対応したい」: the cases of clients, which the writer will handle, not a need of theirs.
const CLIENT_CASES =
  /(?:案件|相談|ニーズ|需要|お悩み|悩み)(?:に|へ|を)(?:対応|応え|お応え|扱|手が|手掛|受け)/;
// Where a clause about those people starts: a sentence or comma, or the te-form ending the
// writer's own part (「専門家と連携して」『承継案件に対応したい』).
const CLAUSE_START = /[。、,!?！？\n]|して|しつつ|しながら/g;

export interface SoughtClause {
  /** The words about those people: 「資金需要や承継の悩みを抱える事業者と」. */
  clause: string;
  /** The whole sentence, to quote: the writer's own words. */
  sentence: string;
}

/**
 * Splits need text into what the writer needs and the clauses that describe whom they want to
 * meet by those people's needs (「資金需要や承継の悩みを抱える事業者とつながりたい」): a banker writing
 * that needs no 資金調達 and no 事業承継; those are what they can help with. Text is normalised.
 */
export function splitNeedText(normalizedText: string): { own: string; sought: SoughtClause[] } {
  const sought: SoughtClause[] = [];
  let own = '';
  for (const sentence of normalizedText.split(/(?<=[。!?！？\n])/)) {
    let rest = sentence;
    for (;;) {
      const span = soughtSpan(rest);
      if (!span) break;
      sought.push({ clause: rest.slice(span.start, span.end), sentence: sentence.trim() });
      rest = `${rest.slice(0, span.start)}。${rest.slice(span.end)}`;
    }
    own += rest;
  }
  return { own, sought };
}

function soughtSpan(sentence: string): { start: number; end: number } | null {
  const cases = CLIENT_CASES.exec(sentence);
  let end: number | undefined;
  let anchor: number | undefined;
  if (cases) {
    anchor = cases.index;
    end = cases.index + cases[0].length;
  } else {
    const problem = PROBLEM_HOLDER.exec(sentence);
    if (!problem) return null;
    const after = problem.index + problem[0].length;
    // The people must follow the description closely: 「…を抱える事業者と」, 「…をお考えの方に」.
    const people = PEOPLE.exec(sentence.slice(after));
    if (!people || people.index > 6) return null;
    anchor = problem.index;
    end = after + people.index + people[0].length;
  }
  let start = 0;
  for (const m of sentence.slice(0, anchor).matchAll(CLAUSE_START)) start = m.index + m[0].length;
  return start < anchor ? { start, end } : null;
}
