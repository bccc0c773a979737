/**
 * Synthetic events with planted ground truth, for judging match quality without real data.
 *
 * Every participant is generated from latent "topics" it needs and offers; a pair is truly
 * complementary when one side needs a topic the other offers. The visible profile describes those
 * topics in varied wording: a tag chosen among synonyms (販路開拓 / 販路拡大 / 新規顧客開拓), or
 * only a sentence in free text, surrounded by boilerplate. Some topics are deliberately close
 * (metal vs resin prototyping, new graduates vs foreign workers) so shared words can mislead.
 * The wording here was written for the generator, not taken from the engine's thesaurus; many
 * paraphrases share no word with the other side's wording at all.
 */
import { MatchInput, MatchParticipant } from '../../src/matching/engine';

interface Topic {
  id: string;
  needTags: string[];
  needSentences: string[];
  offerTags: string[];
  offerSentences: string[];
  /** Other topics whose need an offer of this topic also answers. */
  answers?: string[];
}

const TOPICS: Topic[] = [
  {
    id: 'sales',
    needTags: ['販路開拓', '販路拡大', '新規顧客開拓'],
    needSentences: [
      '新しい取引先を探しています',
      '売り先を増やしたい',
      '自社製品の販売先を広げたいと考えています',
      '県外のお客様に届けたい',
    ],
    offerTags: ['販路開拓支援', '取引先紹介', '営業代行'],
    offerSentences: [
      '小売店や卸先をご紹介できます',
      '営業代行で新規顧客の開拓をお手伝いします',
      '全国のバイヤーとのつながりがあります',
    ],
  },
  {
    id: 'ec',
    needTags: ['EC構築', 'ネット通販', 'オンライン販売'],
    needSentences: [
      'ネットショップを立ち上げたい',
      'インターネットで商品を売りたい',
      'オンラインでの直販を始めたい',
    ],
    offerTags: ['EC構築支援', 'ネットショップ運営代行'],
    offerSentences: [
      'ECサイトの構築から運用まで支援します',
      '通販サイトの立ち上げを手伝えます',
      'ネットショップの運営を代行します',
    ],
    answers: ['sales'],
  },
  {
    id: 'website',
    needTags: ['ホームページ制作', 'HPリニューアル', 'Webサイト制作'],
    needSentences: [
      'ホームページを作り直したい',
      '会社のウェブサイトが古いので刷新したい',
      'スマホ対応のHPが欲しい',
    ],
    offerTags: ['ホームページ制作', 'Web制作'],
    offerSentences: [
      'ホームページ制作を承ります',
      '中小企業向けのウェブサイト制作が得意です',
      'HPの企画から制作まで対応します',
    ],
  },
  {
    id: 'site-maintenance',
    needTags: ['HP更新代行'],
    needSentences: ['ホームページの更新作業を任せたい', 'ウェブサイトの保守をしてくれる人を探しています'],
    offerTags: ['Webサイト保守'],
    offerSentences: ['ホームページの更新・保守を月額で請け負います', 'サイトの保守運用を代行できます'],
  },
  {
    id: 'sns',
    needTags: ['SNS活用', 'インスタ運用'],
    needSentences: [
      'SNSでの発信を強化したい',
      'インスタグラムのフォロワーを増やしたい',
      '若い世代に情報を届けたい',
    ],
    offerTags: ['SNS運用代行', 'SNSマーケティング'],
    offerSentences: ['SNSアカウントの運用を代行します', 'インスタやTikTokでの発信を支援しています'],
  },
  {
    id: 'package-design',
    needTags: ['パッケージデザイン', '商品パッケージ刷新'],
    needSentences: [
      '商品の包装デザインを見直したい',
      'お土産用の箱のデザインを頼みたい',
      '売り場で目立つパッケージにしたい',
    ],
    offerTags: ['パッケージデザイン', 'グラフィックデザイン'],
    offerSentences: [
      '食品や雑貨のパッケージデザインを手がけています',
      '商品の見た目を魅力的にするデザインを提案します',
    ],
  },
  {
    id: 'logo',
    needTags: ['ロゴ制作', 'ブランディング'],
    needSentences: ['会社のロゴを新しくしたい', 'ブランドイメージを統一したい'],
    offerTags: ['ロゴデザイン', 'CI制作'],
    offerSentences: [
      'ロゴやシンボルマークのデザインを承ります',
      '企業のブランドづくりをデザイン面から支えます',
    ],
  },
  {
    id: 'metal-proto',
    needTags: ['金属試作', '試作開発'],
    needSentences: [
      '金属部品を少量だけ作ってほしい',
      'アルミ筐体の試作をお願いできる工場を探しています',
      '新製品の金属パーツを試作したい',
    ],
    offerTags: ['金属加工', '精密切削'],
    offerSentences: [
      'ステンレスやアルミの切削加工を一個から対応',
      '板金・溶接による試作品づくりが得意です',
      'NC旋盤での精密加工を行っています',
    ],
  },
  {
    id: 'resin-proto',
    needTags: ['樹脂試作'],
    needSentences: ['プラスチック部品の試作をしたい', '樹脂ケースを小ロットで作りたい'],
    offerTags: ['樹脂成形', '3Dプリント'],
    offerSentences: ['射出成形で樹脂部品を製造しています', '3Dプリンターで樹脂の試作品を作れます'],
  },
  {
    id: 'oem',
    needTags: ['製造委託先', 'OEM先'],
    needSentences: [
      '自社ブランド商品を作ってくれる工場を探しています',
      '生産を外部に委託したい',
      '量産をお願いできるパートナーが必要',
    ],
    offerTags: ['OEM受託', '受託製造'],
    offerSentences: [
      'OEMでの製造を受託しています',
      '他社ブランド品の生産を請け負えます',
      '小ロットから量産まで受託製造します',
    ],
  },
  {
    id: 'food-ingredients',
    needTags: ['地元食材', '食材仕入れ'],
    needSentences: [
      '地元の野菜を仕入れたい',
      '店で使う食材を産地から直接買いたい',
      '規格外の果物を安く仕入れたい',
    ],
    offerTags: ['農産物直販', '野菜の卸'],
    offerSentences: [
      '自家農園の野菜を飲食店に直接お届けします',
      '規格外品も含めて果物を出荷できます',
      '朝採れの地元野菜を卸しています',
    ],
  },
  {
    id: 'food-processing',
    needTags: ['加工委託', '6次産業化'],
    needSentences: ['収穫した果物をジャムに加工してもらいたい', '農産物を使った加工品を作りたい'],
    offerTags: ['食品加工', '小ロット加工'],
    offerSentences: [
      'ジャムやジュースなどの食品加工を小ロットで受託します',
      '農家さんの原料で加工品をつくるお手伝いをしています',
    ],
  },
  {
    id: 'inbound',
    needTags: ['インバウンド対応', '訪日客集客'],
    needSentences: ['外国人観光客に来てほしい', '訪日旅行者向けのサービスを始めたい'],
    offerTags: ['インバウンド支援', '観光プロモーション'],
    offerSentences: ['海外の旅行会社とのネットワークがあります', '訪日客向けのプロモーションを企画します'],
  },
  {
    id: 'translation',
    needTags: ['翻訳', '多言語化'],
    needSentences: ['メニューや案内を英語と中国語にしたい', '取扱説明書を英訳してほしい'],
    offerTags: ['翻訳・通訳', '多言語対応'],
    offerSentences: ['英語・中国語・韓国語の翻訳を承ります', '商談の通訳や資料の多言語化に対応します'],
  },
  {
    id: 'export',
    needTags: ['海外展開', '輸出'],
    needSentences: [
      '自社製品を海外で売りたい',
      'アジアへの輸出を検討しています',
      '海外のバイヤーと商談したい',
    ],
    offerTags: ['輸出支援', '貿易実務'],
    offerSentences: ['輸出の手続きや貿易実務をサポートします', '東南アジアの販売代理店を紹介できます'],
    answers: ['sales'],
  },
  {
    id: 'loan',
    needTags: ['資金調達', '運転資金'],
    needSentences: [
      '設備投資のための融資を受けたい',
      '資金繰りについて相談したい',
      '新工場の建設資金が必要です',
    ],
    offerTags: ['融資', '資金繰り相談'],
    offerSentences: ['事業性評価にもとづく融資をご提案します', '創業や設備投資の資金についてご相談ください'],
  },
  {
    id: 'subsidy',
    needTags: ['補助金申請'],
    needSentences: [
      'ものづくり補助金に応募したい',
      '使える助成金があるか知りたい',
      '補助金の申請書の書き方がわからない',
    ],
    offerTags: ['補助金申請支援', '事業計画策定'],
    offerSentences: [
      '補助金・助成金の申請を採択実績多数の専門家がサポート',
      '事業計画書の作成をお手伝いします',
    ],
    answers: ['loan'],
  },
  {
    id: 'succession',
    needTags: ['事業承継', '後継者探し'],
    needSentences: [
      '後継者がいないので会社を引き継いでくれる人を探しています',
      '息子に代替わりする準備をしたい',
      '跡継ぎ問題に悩んでいます',
    ],
    offerTags: ['事業承継支援', 'M&A仲介'],
    offerSentences: [
      '事業承継の計画づくりを支援します',
      '小規模企業のM&Aの仲介実績があります',
      '親族内承継の税務もご相談いただけます',
    ],
  },
  {
    id: 'successor-candidate',
    needTags: ['継ぐ会社探し'],
    needSentences: ['経営を引き継げる会社を探している若手です', '事業を譲り受けて独立したい'],
    offerTags: ['後継者募集'],
    offerSentences: ['当社の事業を引き継ぐ後継者を募集しています', '廃業するには惜しい技術を譲りたい'],
  },
  {
    id: 'new-grads',
    needTags: ['新卒採用', '若手採用'],
    needSentences: [
      '新卒の若い人材を採用したい',
      '若手社員がなかなか集まらない',
      '高校生に会社を知ってほしい',
    ],
    offerTags: ['採用支援', '就職支援'],
    offerSentences: [
      '学生と地元企業をつなぐ就職イベントを運営しています',
      '新卒採用の広報から面接まで支援します',
    ],
  },
  {
    id: 'foreign-workers',
    needTags: ['外国人材', '人手不足'],
    needSentences: ['外国人の働き手を受け入れたい', '現場の人手が足りず外国人材の活用を考えています'],
    offerTags: ['外国人材紹介', '特定技能支援'],
    offerSentences: ['特定技能の外国人材をご紹介します', '外国人スタッフの受け入れ手続きを支援します'],
  },
  {
    id: 'training',
    needTags: ['社員研修', '人材育成'],
    needSentences: [
      '管理職向けの研修を実施したい',
      '社員のスキルを底上げしたい',
      '若手の育成方法に悩んでいます',
    ],
    offerTags: ['研修講師', '人材育成支援'],
    offerSentences: [
      '中小企業向けの階層別研修を提供しています',
      'リーダー育成のプログラムを講師として担当します',
    ],
  },
  {
    id: 'paperless',
    needTags: ['ペーパーレス化', '業務効率化'],
    needSentences: [
      '紙の伝票や帳票をなくしたい',
      '受発注を電子化して手間を減らしたい',
      '事務作業の効率を上げたい',
    ],
    offerTags: ['クラウド導入支援', 'DX支援'],
    offerSentences: [
      'クラウドサービスの導入と定着を支援します',
      '中小企業のデジタル化を伴走支援します',
      '業務のIT化をお手伝いします',
    ],
  },
  {
    id: 'app-dev',
    needTags: ['アプリ開発', '予約システム'],
    needSentences: ['自社専用の予約アプリが欲しい', '顧客管理のシステムを作ってほしい'],
    offerTags: ['システム開発', 'アプリ制作'],
    offerSentences: [
      '業務システムやスマホアプリを受託開発します',
      'ソフトウェア開発会社です。小規模案件も歓迎',
    ],
  },
  {
    id: 'iot',
    needTags: ['IoT導入', '設備の見える化'],
    needSentences: ['工場の機械の稼働状況を見える化したい', 'センサーで設備を遠隔監視したい'],
    offerTags: ['IoTソリューション', 'センサー開発'],
    offerSentences: ['後付けセンサーで設備の稼働を可視化します', 'IoTによる遠隔監視の仕組みを提供します'],
  },
  {
    id: 'accounting',
    needTags: ['税務相談', '経理代行'],
    needSentences: ['インボイス制度への対応が不安', '経理を外部に任せたい', '決算や申告のことを相談したい'],
    offerTags: ['税理士', '記帳代行'],
    offerSentences: ['税理士として中小企業の税務・会計を支援しています', '記帳や給与計算を代行します'],
  },
  {
    id: 'patent',
    needTags: ['特許出願', '知財相談'],
    needSentences: ['自社技術を特許で守りたい', '商標の登録について相談したい'],
    offerTags: ['弁理士', '知的財産支援'],
    offerSentences: ['弁理士として特許・商標の出願を代理します', '知財戦略の相談に乗ります'],
  },
  {
    id: 'delivery',
    needTags: ['配送委託', '物流改善'],
    needSentences: [
      '商品の配送を任せられる会社を探しています',
      '発送作業の負担を減らしたい',
      '冷蔵品を運べる業者が必要です',
    ],
    offerTags: ['配送サービス', '倉庫・物流'],
    offerSentences: [
      '軽トラックでの地域配送を請け負います',
      '倉庫保管から出荷まで代行します',
      '冷蔵・冷凍便に対応した運送会社です',
    ],
  },
  {
    id: 'energy',
    needTags: ['省エネ', '脱炭素'],
    needSentences: ['電気代を下げたい', '工場のCO2排出を減らしたい', '太陽光パネルの設置を検討中'],
    offerTags: ['省エネ診断', '太陽光発電設備'],
    offerSentences: ['省エネ診断で電力のムダを見つけます', '屋根置き太陽光と蓄電池の設置工事を行います'],
  },
  {
    id: 'renovation',
    needTags: ['店舗改装', 'リフォーム'],
    needSentences: ['お店の内装を新しくしたい', '古い倉庫をカフェに改装したい'],
    offerTags: ['内装工事', 'リノベーション'],
    offerSentences: [
      '店舗の内装工事を設計から施工まで請け負います',
      '空き家や倉庫のリノベーションが得意です',
    ],
  },
  {
    id: 'venue',
    needTags: ['イベント会場', 'レンタルスペース'],
    needSentences: ['ワークショップを開く場所を借りたい', '展示販売会ができるスペースを探しています'],
    offerTags: ['貸しスペース', '会場提供'],
    offerSentences: ['駅前の多目的スペースを時間貸ししています', '50名まで入れるホールを貸し出しています'],
  },
  {
    id: 'video',
    needTags: ['PR動画', '動画制作'],
    needSentences: ['会社紹介の動画を作りたい', '商品の使い方を映像で伝えたい'],
    offerTags: ['映像制作', '動画撮影'],
    offerSentences: ['企業PR動画の撮影・編集を承ります', 'ドローン撮影を含む映像制作を行っています'],
  },
  {
    id: 'medical-device',
    needTags: ['医療機器開発', '医工連携'],
    needSentences: ['病院の現場の困りごとを形にしたい', '医療機器の部品を作れる企業と組みたい'],
    offerTags: ['医療現場ニーズ', '臨床評価'],
    offerSentences: ['看護師として現場の課題をお伝えできます', 'クリニックで試作品の評価に協力できます'],
  },
];

// Filled in per participant: real profiles share these words, not whole identical sentences.
const BOILERPLATE: Array<(n: number, place: string) => string> = [
  (n, place) => `創業${20 + n}年、${place}の町工場です。`,
  (_, place) => `${place}に根ざして営業しています。`,
  () => 'お気軽にお声がけください。',
  (n) => `社員${3 + n}名の小さな会社です。`,
  (n) => `${n % 3 === 0 ? '二' : n % 3 === 1 ? '三' : '四'}代目として家業を継ぎました。`,
  () => '品質には自信があります。',
  () => '異業種の方との交流を楽しみにしています。',
  () => 'どうぞよろしくお願いいたします。',
  (n) => `${2000 + n}年に法人化しました。`,
  (_, place) => `${place}商工会議所の会員です。`,
];
const PLACES = [
  '葛飾区',
  '川口市',
  '墨田区',
  '大田区',
  '岡谷市',
  '加賀市',
  '東大阪市',
  '尼崎市',
  '青梅市',
  '八王子市',
];

const NOISE_TEXT = [
  '情報交換ができればうれしいです',
  'いろいろな方とお話ししたいです',
  '何か一緒にできることを探しています',
  '地域を盛り上げたいと思っています',
  '勉強のために参加しました',
];

const THEMES = [
  '事業承継',
  '販路開拓',
  'DX',
  '人材',
  '観光',
  '脱炭素',
  '創業',
  '海外展開',
  'デザイン連携',
  'BCP',
];
const INDUSTRIES = ['A', 'D', 'E', 'E', 'E', 'G', 'H', 'I', 'I', 'J', 'K', 'L', 'M', 'N', 'P', 'R'];

export interface SyntheticParticipantTruth {
  needs: string[];
  offers: string[];
}

export interface SyntheticEvent {
  input: MatchInput;
  /** Latent topics per participant id; noise participants have none. */
  truth: Map<string, SyntheticParticipantTruth>;
}

export interface SyntheticEventOptions {
  participants: number;
  seed: number;
  /** Share of participants with no real need or offer. Default 0.1. */
  noiseShare?: number;
  /** Share who get a planted mutual partner. Default 0.3. */
  plantedMutualShare?: number;
  /** Probability that a need/offer appears as a tag (it is always written in text otherwise). Default 0.5. */
  tagProbability?: number;
}

/** mulberry32: tiny, fast, and the same sequence for the same seed on every platform. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateSyntheticEvent(options: SyntheticEventOptions): SyntheticEvent {
  const random = seededRandom(options.seed);
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)];
  const noiseShare = options.noiseShare ?? 0.1;
  const plantedShare = options.plantedMutualShare ?? 0.3;
  const tagProbability = options.tagProbability ?? 0.5;
  // Popular topics (sales, web) are needed far more often than patents: a Zipf-like skew.
  const topicWeights = TOPICS.map((_, i) => 1 / Math.pow(i + 1, 0.5));
  const totalWeight = topicWeights.reduce((s, w) => s + w, 0);
  const pickTopic = (exclude: Set<string>): Topic => {
    for (;;) {
      let r = random() * totalWeight;
      let i = 0;
      while (r > topicWeights[i]) r -= topicWeights[i++];
      const topic = TOPICS[Math.min(i, TOPICS.length - 1)];
      if (!exclude.has(topic.id)) return topic;
    }
  };

  const latent: SyntheticParticipantTruth[] = [];
  for (let i = 0; i < options.participants; i++) {
    if (random() < noiseShare) {
      latent.push({ needs: [], offers: [] });
      continue;
    }
    const used = new Set<string>();
    const needs = [pickTopic(used)];
    used.add(needs[0].id);
    if (random() < 0.4) needs.push(pickTopic(used));
    needs.forEach((t) => used.add(t.id));
    const offers = [pickTopic(used)];
    used.add(offers[0].id);
    if (random() < 0.25) offers.push(pickTopic(used));
    latent.push({ needs: needs.map((t) => t.id), offers: offers.map((t) => t.id) });
  }
  // Planted mutual pairs: B is rewritten to offer A's first need and need A's first offer.
  for (let i = 0; i + 1 < options.participants; i += 2) {
    const a = latent[i];
    const b = latent[i + 1];
    if (a.needs.length === 0 || b.needs.length === 0 || random() >= plantedShare) continue;
    if (a.needs[0] === a.offers[0]) continue;
    b.offers = [a.needs[0], ...b.offers.filter((t) => t !== a.needs[0] && t !== a.offers[0])].slice(0, 2);
    b.needs = [a.offers[0], ...b.needs.filter((t) => t !== a.offers[0] && !b.offers.includes(t))].slice(0, 2);
  }

  const topicById = new Map(TOPICS.map((t) => [t.id, t]));
  const participants: MatchParticipant[] = latent.map((l, i) => {
    const id = `p${i + 1}`;
    const describe = (topicIds: string[], side: 'need' | 'offer') => {
      const tags: string[] = [];
      const sentences: string[] = [];
      for (const topicId of topicIds) {
        const topic = topicById.get(topicId) as Topic;
        const asTag = random() < tagProbability;
        // Written in text even when tagged most of the time; text-only when untagged.
        const inText = !asTag || random() < 0.5;
        if (asTag) tags.push(pick(side === 'need' ? topic.needTags : topic.offerTags));
        if (inText) sentences.push(pick(side === 'need' ? topic.needSentences : topic.offerSentences));
      }
      return { tags, sentences };
    };
    const needs = describe(l.needs, 'need');
    const offers = describe(l.offers, 'offer');
    const place = pick(PLACES);
    const boilerplate = () => pick(BOILERPLATE)(Math.floor(random() * 60), place);
    const noise = () => (random() < 0.6 ? boilerplate() : '');
    const participant: MatchParticipant = {
      id,
      industry: pick(INDUSTRIES),
      companyName: `テスト${i + 1}社`,
      needs: needs.tags,
      offers: offers.tags,
      themes: [pick(THEMES), ...(random() < 0.4 ? [pick(THEMES)] : [])].filter(
        (t, k, all) => all.indexOf(t) === k,
      ),
      needsText:
        l.needs.length === 0
          ? pick(NOISE_TEXT)
          : noise() + needs.sentences.map((s) => s + '。').join('') + noise(),
      offersText:
        l.offers.length === 0
          ? boilerplate() + pick(NOISE_TEXT)
          : noise() + offers.sentences.map((s) => s + '。').join(''),
      metBefore: [],
    };
    return participant;
  });
  const truth = new Map(participants.map((p, i) => [p.id, latent[i]]));
  return { input: { participants }, truth };
}

/** Does `b` truly help `a` or `a` help `b`? The definition of a relevant suggestion. */
export function isComplementary(a: SyntheticParticipantTruth, b: SyntheticParticipantTruth): boolean {
  return meets(a.needs, b.offers) || meets(b.needs, a.offers);
}

function meets(needs: string[], offers: string[]): boolean {
  return needs.some((need) =>
    offers.some(
      (offer) => offer === need || (TOPICS.find((t) => t.id === offer)?.answers ?? []).includes(need),
    ),
  );
}
