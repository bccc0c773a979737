import { JsicCode } from '../../src/common/japan/jsic';

/**
 * The vocabulary the demo companies are assembled from, one entry per JSIC major division:
 * what such a business is called, what it offers (tags + a sentence in its own words), what it is
 * looking for, and where in Tokyo (or in the council cities) it tends to be.
 */

/** How the legal form shows in the name; sole proprietors and 事務所 have no 法人番号. */
export type LegalForm = 'kabushiki' | 'yugen' | 'godo' | 'sole' | 'zeirishi' | 'iryo' | 'fukushi' | 'kumiai';

export interface NameSuffix {
  text: string;
  romaji: string;
  form: LegalForm;
  /** The stem is the owner's family name (佐藤工務店, 山田税理士事務所). */
  family?: boolean;
}

export interface BusinessLine {
  suffixes: NameSuffix[];
  /** 〜を営む: what the description says they do. */
  specialty: string;
  offers: string[];
  offersText: string;
}

export interface Need {
  tags: string[];
  text: string;
  /** Only for the business lines whose specialty matches (a food maker does not seek 医療機器). */
  only?: RegExp;
}

export type PlacePool =
  'factory' | 'commerce' | 'digital' | 'tourism' | 'local' | 'farm' | 'island' | 'quarry';

export interface Division {
  code: JsicCode;
  /** How many demo companies of this division: manufacturing and trade dominate, as in the seeds' cities. */
  count: number;
  lines: BusinessLine[];
  needs: Need[];
  themes: string[];
  employees: readonly [number, number];
  places: PlacePool;
  /** Short remarks that end a company description. */
  remarks: string[];
}

const kk = (text: string, romaji: string): NameSuffix => ({ text, romaji, form: 'kabushiki' });
const yk = (text: string, romaji: string): NameSuffix => ({ text, romaji, form: 'yugen' });
const sole = (text: string, romaji: string): NameSuffix => ({ text, romaji, form: 'sole', family: true });

export const DIVISIONS: readonly Division[] = [
  {
    code: 'E',
    count: 96,
    employees: [4, 120],
    places: 'factory',
    themes: ['生産性向上', 'IoT', '事業承継', '販路開拓', '人材戦略', 'デザイン連携', '医療機器', '脱炭素'],
    lines: [
      {
        suffixes: [kk('製作所', 'seisakusho'), yk('製作所', 'seisakusho'), kk('工業', 'kogyo')],
        specialty: '精密板金・溶接',
        offers: ['精密板金', '溶接', '試作'],
        offersText:
          '精密板金と溶接の試作を小ロットで短納期対応できます。ステンレス・アルミの薄板が得意です。',
      },
      {
        suffixes: [kk('精機', 'seiki'), kk('精工', 'seiko'), yk('精機', 'seiki')],
        specialty: '精密切削加工',
        offers: ['切削加工', '5軸加工', '試作'],
        offersText: '5軸マシニングによる複雑形状の切削加工。航空宇宙・医療機器部品の加工実績があります。',
      },
      {
        suffixes: [kk('金型製作所', 'kanagata'), kk('プレス工業', 'press')],
        specialty: '金型製作とプレス加工',
        offers: ['金型製作', 'プレス加工', '量産'],
        offersText: '順送金型の設計・製作から量産プレスまで一貫対応します。月産10万個規模まで対応可能です。',
      },
      {
        suffixes: [kk('鍍金工業', 'mekki'), yk('鍍金工業', 'mekki'), kk('表面処理', 'hyomen')],
        specialty: 'めっき・表面処理',
        offers: ['めっき', '表面処理'],
        offersText: '無電解ニッケルめっき・アルマイトなどの表面処理を1個から承ります。',
      },
      {
        suffixes: [kk('化成', 'kasei'), kk('樹脂工業', 'jushi')],
        specialty: 'プラスチック射出成形',
        offers: ['樹脂成形', '射出成形', '金型メンテナンス'],
        offersText: '射出成形と金型メンテナンス。試作用の簡易型にも対応しています。',
      },
      {
        suffixes: [kk('電子', 'denshi'), kk('電機', 'denki'), kk('エレクトロニクス', 'electronics')],
        specialty: '電子基板の実装と機器組立',
        offers: ['基板実装', '電子機器組立', 'IoT機器'],
        offersText: '基板実装から筐体組立・検査まで一貫対応。IoT機器の少量生産に強みがあります。',
      },
      {
        suffixes: [kk('食品', 'shokuhin'), yk('食品', 'shokuhin'), kk('製菓', 'seika')],
        specialty: '菓子・総菜の製造',
        offers: ['食品製造', 'OEM', '地域産品'],
        offersText: '地元食材を使った菓子・総菜のOEM製造。小ロットの試作から承ります。',
      },
      {
        suffixes: [kk('印刷', 'insatsu'), yk('印刷所', 'insatsu')],
        specialty: '印刷・パッケージ製作',
        offers: ['印刷', 'パッケージ', '販促物'],
        offersText: 'オフセット・オンデマンド印刷とパッケージ製作。デザインから納品まで一括で対応します。',
      },
      {
        suffixes: [kk('木工所', 'mokko'), yk('家具製作所', 'kagu')],
        specialty: '家具・店舗什器の製作',
        offers: ['木工', '家具製作', '店舗什器'],
        offersText: '無垢材の家具・店舗什器を一点ものから製作します。',
      },
      {
        suffixes: [kk('硝子', 'glass'), yk('硝子加工所', 'glass')],
        specialty: 'ガラス加工・江戸切子',
        offers: ['ガラス加工', '江戸切子', '名入れ'],
        offersText: '江戸切子などのガラス製品の加工・名入れ。記念品や引出物の小ロット制作に対応します。',
      },
      {
        suffixes: [kk('皮革', 'hikaku'), kk('レザー', 'leather')],
        specialty: '革製品の製造',
        offers: ['革製品', '縫製', 'OEM'],
        offersText:
          '牛革のバッグ・小物をOEM製造しています。裁断から縫製・仕上げまで職人のネットワークで対応します。',
      },
      {
        suffixes: [kk('鋳造所', 'chuzo'), kk('鋳工', 'chuko')],
        specialty: '鋳物の製造',
        offers: ['鋳造', '鋳物', '試作'],
        offersText: '鋳鉄・アルミ鋳物を木型から製作。一品ものの機械部品や意匠鋳物にも対応します。',
      },
    ],
    needs: [
      {
        tags: ['販路開拓'],
        text: '下請け中心から脱却したい。自社製品の販路を一緒に考えてくれる商社や小売と出会いたい',
      },
      { tags: ['事業承継', '技能承継'], text: '職人が高齢化しており、技能の継承と後継者の育成が課題です' },
      { tags: ['人材確保'], text: '若手技能者の採用がうまくいかない。高専・工業高校とのつながりがほしい' },
      {
        tags: ['IoT', '生産性向上'],
        text: '設備の稼働状況を見える化したいが、何から始めればよいか分からない',
      },
      {
        tags: ['デザイン連携', '自社製品開発'],
        text: 'デザイナーと組んで一般消費者向けの新商品を開発したい',
      },
      {
        tags: ['医療機器', '新分野参入'],
        text: '医療機器分野に参入したい。医療機関や薬事に詳しい方とつながりたい',
        only: /切削|板金|樹脂|電子|めっき/u,
      },
      {
        tags: ['海外展開'],
        text: '海外の展示会に出たいが、通訳や商習慣のノウハウがない',
        only: /切削|電子|ガラス|革|食品|菓子|鋳物/u,
      },
      { tags: ['設備投資', '補助金'], text: '補助金を活用して老朽化した設備を更新したい' },
      { tags: ['脱炭素', '省エネ'], text: '工場の省エネ・脱炭素の進め方を取引先から求められている' },
      {
        tags: ['仲間まわし', '共同受注'],
        text: '近隣の工場と工程を分担する仲間まわしで、一貫受注できる体制を作りたい',
        only: /板金|切削|めっき|プレス|鋳物|樹脂/u,
      },
    ],
    remarks: [
      'ISO9001認証取得。',
      '若手の採用と設備更新を進めている。',
      '{place}の産業表彰の受賞歴あり。',
      '少量多品種の短納期対応を強みとする。',
      '大手メーカーとの直接取引の実績がある。',
      'オープンファクトリーで工場見学を受け入れている。',
    ],
  },
  {
    code: 'I',
    count: 40,
    employees: [2, 60],
    places: 'commerce',
    themes: ['販路開拓', 'DX', '事業承継', '観光振興', '海外展開'],
    lines: [
      {
        suffixes: [kk('商事', 'shoji'), kk('商会', 'shokai'), yk('商会', 'shokai')],
        specialty: '機械工具・産業資材の卸売',
        offers: ['卸売', '産業資材', '販路紹介'],
        offersText: '首都圏の製造業約400社に機械工具と資材を卸しています。仕入先・販売先のご紹介ができます。',
      },
      {
        suffixes: [kk('物産', 'bussan'), kk('トレーディング', 'trading')],
        specialty: '地域産品・雑貨の卸売と輸出入',
        offers: ['卸売', '地域産品', '輸出入'],
        offersText: '地域産品のセレクトと卸売、アジア向けの輸出を手がけています。',
      },
      {
        suffixes: [sole('商店', 'shoten'), yk('商店', 'shoten')],
        specialty: '地元商店街での小売',
        offers: ['店舗販売', '地域ネットワーク'],
        offersText: '商店街で3代続く店です。店頭でのテスト販売や地元のお客様の声の収集に協力できます。',
      },
      {
        suffixes: [kk('ストア', 'store'), kk('マーケット', 'market')],
        specialty: 'EC・実店舗での生活雑貨販売',
        offers: ['EC運営', '小売', 'テスト販売'],
        offersText: '自社ECと都内3店舗で生活雑貨を販売。町工場の製品を一緒に商品化した実績があります。',
      },
    ],
    needs: [
      { tags: ['EC', '販路開拓'], text: 'ECサイトで販路を広げたいが社内にノウハウがない' },
      { tags: ['新商品', '地域産品'], text: '都内の町工場や農家とオリジナル商品を作りたい' },
      { tags: ['物流', 'コスト削減'], text: '小口配送のコストが上がっており、共同配送の相手を探している' },
      { tags: ['事業承継'], text: '後継者がおらず、M&Aも含めて事業の引継ぎ先を考えたい' },
      { tags: ['インバウンド', '観光振興'], text: '外国人観光客向けの品揃えと免税対応を始めたい' },
      { tags: ['DX', 'インボイス'], text: '受発注と請求のデジタル化を進めたい。インボイス対応も不安がある' },
    ],
    remarks: [
      '創業以来の地域密着型。',
      '取引先の約半数が地元の事業者。',
      '近年は越境ECにも取り組む。',
      '商店街振興組合の役員を務める。',
    ],
  },
  {
    code: 'G',
    count: 30,
    employees: [3, 80],
    places: 'digital',
    themes: ['DX', 'IoT', '生産性向上', '創業', '人材戦略'],
    lines: [
      {
        suffixes: [
          kk('ソフトウェア', 'software'),
          kk('システムズ', 'systems'),
          { text: 'ソフト', romaji: 'soft', form: 'godo' },
        ],
        specialty: '業務システムの受託開発',
        offers: ['業務システム開発', 'DX支援', 'クラウド導入'],
        offersText:
          '中小製造業向けの生産管理・受発注システムを、既存のExcel運用を活かして小さく始められます。',
      },
      {
        suffixes: [kk('テクノロジーズ', 'tech'), kk('IoTラボ', 'iotlab')],
        specialty: 'IoT機器とデータ活用の支援',
        offers: ['IoT', 'センサー', 'データ分析'],
        offersText:
          '後付けセンサーで古い設備の稼働状況を見える化します。初期費用を抑えた月額プランがあります。',
      },
      {
        suffixes: [kk('デジタル', 'digital'), kk('ウェブ', 'web')],
        specialty: 'Webサイト・ECサイトの制作と運用',
        offers: ['ECサイト構築', 'Webサイト制作', 'SNS運用'],
        offersText: 'BtoBのWebサイトとECサイトの構築・運用代行。町工場の技術を伝えるサイトづくりが得意です。',
      },
      {
        suffixes: [kk('映像', 'eizo'), { text: 'プロダクション', romaji: 'production', form: 'godo' }],
        specialty: '動画制作・配信',
        offers: ['動画制作', 'オンライン配信', 'PR'],
        offersText: '工場紹介や製品PRの動画制作、展示会・セミナーのオンライン配信を承ります。',
      },
    ],
    needs: [
      { tags: ['実証フィールド', 'IoT'], text: 'IoTの実証に協力していただける工場を探しています' },
      {
        tags: ['販路開拓', '製造業の顧客'],
        text: '製造業のお客様との接点がなく、現場の課題を聞かせてほしい',
      },
      {
        tags: ['人材確保', 'エンジニア採用'],
        text: 'エンジニアの採用が難しい。学校や地域とのつながりがほしい',
      },
      { tags: ['資金調達'], text: '事業拡大に向けて金融機関との関係をつくりたい' },
      { tags: ['共同開発'], text: 'ハードウェアを作れるパートナーと自社製品を共同開発したい' },
    ],
    remarks: [
      'ノーコードツールを活かした小さな開発を得意とする。',
      '地方自治体のDX支援の実績がある。',
      '社員の半数がリモート勤務。',
    ],
  },
  {
    code: 'L',
    count: 26,
    employees: [1, 30],
    places: 'commerce',
    themes: ['事業承継', '税制', 'デザイン連携', '創業', '人材戦略'],
    lines: [
      {
        suffixes: [
          sole('デザイン事務所', 'design'),
          kk('デザイン', 'design'),
          sole('デザインスタジオ', 'studio'),
        ],
        specialty: 'プロダクトデザイン・ブランディング',
        offers: ['プロダクトデザイン', 'ブランディング', 'パッケージデザイン'],
        offersText: '町工場の技術を活かした自社製品の企画・デザインからブランディングまで伴走します。',
      },
      {
        suffixes: [sole('税理士事務所', 'tax'), { text: '会計', romaji: 'kaikei', form: 'zeirishi' }],
        specialty: '税務・会計と事業承継の相談',
        offers: ['税務相談', '事業承継税制', '資金繰り'],
        offersText: '事業承継税制（特例承継計画）の申請や株価対策など、承継の税務をご相談いただけます。',
      },
      {
        suffixes: [sole('社会保険労務士事務所', 'sr'), kk('人事コンサルティング', 'hr')],
        specialty: '労務管理と人事制度づくり',
        offers: ['労務相談', '人事制度', '助成金'],
        offersText: '中小企業の人事評価制度づくりと雇用関係の助成金申請を支援しています。',
      },
      {
        suffixes: [kk('建築設計事務所', 'sekkei'), sole('一級建築士事務所', 'kenchiku')],
        specialty: '工場・店舗の設計',
        offers: ['建築設計', '工場レイアウト', '店舗設計'],
        offersText: '工場のレイアウト改善や店舗改装の設計。補助金申請に必要な図面にも対応します。',
      },
      {
        suffixes: [sole('経営事務所', 'keiei'), kk('経営研究所', 'keiken')],
        specialty: '中小企業診断士による経営支援',
        offers: ['経営計画', '補助金申請支援', '事業承継'],
        offersText: '中小企業診断士として事業計画の策定と補助金申請、承継計画づくりをお手伝いします。',
      },
    ],
    needs: [
      { tags: ['顧客開拓'], text: '地域の若手経営者とつながり、長く相談していただける関係をつくりたい' },
      { tags: ['ものづくり', 'デザイン連携'], text: '一緒に自社製品を開発する町工場を探しています' },
      { tags: ['専門家連携'], text: '弁護士・金融機関など他の専門家と連携して承継案件に対応したい' },
    ],
    remarks: [
      '{place}の専門家派遣事業の登録専門家。',
      '商工会議所のセミナー講師を務める。',
      '事業承継の相談実績多数。',
    ],
  },
  {
    code: 'D',
    count: 25,
    employees: [3, 70],
    places: 'local',
    themes: ['事業承継', '人材戦略', 'BCP', '脱炭素', '生産性向上'],
    lines: [
      {
        suffixes: [kk('建設', 'kensetsu'), kk('組', 'gumi'), sole('工務店', 'komuten')],
        specialty: '住宅・工場の建築とリフォーム',
        offers: ['工場改修', '耐震改修', 'リフォーム'],
        offersText: '稼働中の工場を止めずに進める改修工事と耐震補強に実績があります。',
      },
      {
        suffixes: [kk('設備工業', 'setsubi'), kk('電設', 'densetsu')],
        specialty: '空調・電気設備工事',
        offers: ['空調設備', '電気工事', '太陽光発電'],
        offersText: '空調更新や太陽光発電の導入で工場の電気代削減をご提案します。',
      },
      {
        suffixes: [kk('塗装', 'toso'), yk('塗装工業', 'toso')],
        specialty: '外壁・鉄部の塗装',
        offers: ['塗装', '防水工事'],
        offersText: '工場・倉庫の外壁と屋根の塗装・防水工事。遮熱塗装で夏場の室温を下げられます。',
      },
    ],
    needs: [
      { tags: ['人材確保', '職人育成'], text: '職人の高齢化が進み、若手の確保と育成が急務です' },
      { tags: ['元請け開拓'], text: '下請けから元請けの仕事を増やしたい。地元の施主とつながりたい' },
      { tags: ['事業承継'], text: '息子への承継を控えており、株式の移し方を相談したい' },
      { tags: ['DX', '生産性向上'], text: '現場写真や日報の管理をタブレットで効率化したい' },
    ],
    remarks: [
      '地元の防災協定に参加している。',
      '二級建築施工管理技士が多数在籍。',
      '創業以来、{place}の公共工事を受注。',
    ],
  },
  {
    code: 'M',
    count: 18,
    employees: [3, 90],
    places: 'tourism',
    themes: ['観光振興', '島しょ・西多摩活性化', '人材戦略', '販路開拓'],
    lines: [
      {
        suffixes: [kk('旅館', 'ryokan'), yk('旅館', 'ryokan'), kk('ホテル', 'hotel')],
        specialty: '旅館・ホテル',
        offers: ['宿泊', '宴会場', '観光客受入'],
        offersText:
          '団体旅行や研修合宿の受け入れができます。地元の体験プログラムと組み合わせた企画も可能です。',
      },
      {
        suffixes: [sole('食堂', 'shokudo'), kk('フードサービス', 'food'), yk('酒場', 'sakaba')],
        specialty: '飲食店',
        offers: ['ケータリング', '地元食材メニュー', '懇親会会場'],
        offersText: '地元食材を使ったケータリングと、30名規模までの懇親会会場を提供できます。',
      },
    ],
    needs: [
      { tags: ['インバウンド', '観光振興'], text: '外国人観光客の集客と多言語対応を強化したい' },
      { tags: ['地域産品', '仕入れ'], text: '地元の農産物や水産物の仕入れ先を増やしたい' },
      { tags: ['人材確保'], text: '繁忙期の人手が足りない。地域で人材をシェアできないか' },
      { tags: ['DX'], text: '予約管理と会計をつなげて業務を効率化したい' },
    ],
    remarks: [
      '地域の観光協会の会員。',
      '地元食材の活用に力を入れている。',
      '近年は体験型観光の受け入れを拡大。',
    ],
  },
  {
    code: 'P',
    count: 15,
    employees: [8, 150],
    places: 'local',
    themes: ['人材戦略', '医療機器', 'DX', '生産性向上'],
    lines: [
      {
        suffixes: [kk('ケアサービス', 'care'), { text: '福祉会', romaji: 'fukushi', form: 'fukushi' }],
        specialty: '介護サービス',
        offers: ['介護サービス', '現場の声', '実証フィールド'],
        offersText: '介護現場の困りごとをお伝えし、介護機器・福祉用具の試作評価に協力できます。',
      },
      {
        suffixes: [{ text: '会', romaji: 'kai', form: 'iryo' }],
        specialty: 'クリニック',
        offers: ['医療現場のニーズ', '臨床評価協力'],
        offersText:
          '医療現場で使う器具の改良アイデアがあり、ものづくり企業と共同で形にしたいと考えています。',
      },
    ],
    needs: [
      { tags: ['介護ロボット', 'ICT導入'], text: '見守りセンサーや介護記録のICT化で職員の負担を減らしたい' },
      { tags: ['医療機器', '共同開発'], text: '現場の改良アイデアを試作してくれる町工場を探している' },
      { tags: ['人材確保'], text: '介護職員の採用と定着が最大の課題です' },
    ],
    remarks: ['地域包括支援センターと連携。', '職員の処遇改善に取り組む。'],
  },
  {
    code: 'R',
    count: 15,
    employees: [5, 200],
    places: 'local',
    themes: ['人材戦略', 'BCP', '脱炭素', '生産性向上'],
    lines: [
      {
        suffixes: [kk('ビルメンテナンス', 'bm'), kk('総合サービス', 'service')],
        specialty: 'ビル・工場の清掃と設備管理',
        offers: ['清掃', '設備管理', 'BCP支援'],
        offersText: '工場・オフィスの清掃と設備の定期点検。災害時の復旧支援体制も整えています。',
      },
      {
        suffixes: [kk('リサイクル', 'recycle'), kk('環境サービス', 'kankyo')],
        specialty: '産業廃棄物の収集とリサイクル',
        offers: ['産業廃棄物処理', 'リサイクル', '脱炭素'],
        offersText: '金属くず・廃プラスチックの回収とリサイクル。排出量の見える化レポートを提供します。',
      },
      {
        suffixes: [kk('人材サービス', 'jinzai'), kk('スタッフ', 'staff')],
        specialty: '人材派遣・職業紹介',
        offers: ['人材紹介', '外国人材', '研修'],
        offersText: '製造・物流現場への人材紹介と、特定技能外国人の受け入れ支援を行っています。',
      },
    ],
    needs: [
      { tags: ['顧客開拓'], text: '地元の工場・事業所との取引を増やしたい' },
      { tags: ['人材確保'], text: '現場スタッフの確保と定着に悩んでいる' },
      { tags: ['脱炭素'], text: '取引先と一緒に脱炭素の取り組みを進めたい' },
    ],
    remarks: ['地域清掃活動に参加。', 'エコアクション21認証取得。'],
  },
  {
    code: 'H',
    count: 10,
    employees: [6, 120],
    places: 'local',
    themes: ['生産性向上', '人材戦略', 'BCP', '脱炭素'],
    lines: [
      {
        suffixes: [kk('運輸', 'unyu'), kk('運送', 'unso'), yk('運送', 'unso')],
        specialty: '一般貨物の運送',
        offers: ['小口配送', 'チャーター便', '共同配送'],
        offersText: '都内・首都圏の小口配送とチャーター便。工場間の横持ち輸送も承ります。',
      },
      {
        suffixes: [kk('ロジスティクス', 'logistics'), kk('倉庫', 'soko')],
        specialty: '倉庫保管と物流代行',
        offers: ['倉庫保管', '物流代行', 'EC発送代行'],
        offersText: 'EC商品の保管・ピッキング・発送を1個から代行します。',
      },
    ],
    needs: [
      { tags: ['荷主開拓'], text: '帰り便の荷物を確保したい。地元の荷主とつながりたい' },
      { tags: ['ドライバー確保', '人材確保'], text: '2024年問題以降、ドライバーの確保が難しくなっている' },
      { tags: ['DX'], text: '配車と勤怠の管理をシステム化したい' },
    ],
    remarks: ['Gマーク（安全性優良事業所）認定。', 'EVトラックを試験導入。'],
  },
  {
    code: 'K',
    count: 8,
    employees: [2, 25],
    places: 'commerce',
    themes: ['事業承継', '創業', '観光振興'],
    lines: [
      {
        suffixes: [kk('不動産', 'fudosan'), kk('地所', 'jisho')],
        specialty: '事業用不動産の仲介・管理',
        offers: ['工場物件紹介', '空き店舗', 'レンタルオフィス'],
        offersText: '地域の貸工場・空き店舗の情報を多数持っています。創業の場所探しをお手伝いします。',
      },
    ],
    needs: [
      { tags: ['空き家活用'], text: '空き店舗を活用してくれる創業者や事業者を探している' },
      { tags: ['事業承継'], text: '廃業予定の工場の跡地活用について相談を受けることが増えている' },
    ],
    remarks: ['地元の創業支援施設の運営に協力。'],
  },
  {
    code: 'N',
    count: 8,
    employees: [1, 30],
    places: 'local',
    themes: ['観光振興', '創業', '販路開拓'],
    lines: [
      {
        suffixes: [kk('トラベル', 'travel'), kk('観光', 'kanko')],
        specialty: '旅行の企画・手配',
        offers: ['旅行企画', '産業観光ツアー', '視察手配'],
        offersText: '工場見学を組み込んだ産業観光ツアーや、企業視察の手配を企画できます。',
      },
      {
        suffixes: [sole('写真館', 'photo'), kk('クリーニング', 'cleaning')],
        specialty: '地域の生活関連サービス',
        offers: ['写真撮影', '商品撮影'],
        offersText: '商品撮影やプロフィール写真の撮影を出張で承ります。',
      },
    ],
    needs: [
      { tags: ['観光振興', '体験プログラム'], text: '工場見学や体験を受け入れてくれる事業者を探している' },
      { tags: ['販路開拓'], text: '法人のお客様を増やしたい' },
    ],
    remarks: ['地域の祭りや商店街イベントに協賛。'],
  },
  {
    code: 'O',
    count: 5,
    employees: [2, 40],
    places: 'local',
    themes: ['人材戦略', 'DX', '創業'],
    lines: [
      {
        suffixes: [kk('スクール', 'school'), kk('教育研究所', 'kyoiku')],
        specialty: '社会人向け研修・プログラミング教室',
        offers: ['社員研修', 'DX人材育成', 'プログラミング教室'],
        offersText: '中小企業の社員向けにITスキルとDXの基礎研修を提供しています。',
      },
    ],
    needs: [{ tags: ['研修先', '企業連携'], text: '受講生のインターン先になってくれる企業を探している' }],
    remarks: ['{place}の人材育成事業を受託。'],
  },
  {
    code: 'A',
    count: 4,
    employees: [1, 15],
    places: 'farm',
    themes: ['島しょ・西多摩活性化', '観光振興', '販路開拓'],
    lines: [
      {
        suffixes: [kk('農園', 'noen'), { text: 'ファーム', romaji: 'farm', form: 'godo' }],
        specialty: '野菜・果樹の生産と加工',
        offers: ['農産物', '農業体験', '6次産業化'],
        offersText:
          '東京産の野菜とブルーベリーを生産しています。収穫体験の受け入れや加工品の共同開発ができます。',
      },
    ],
    needs: [
      { tags: ['加工', '販路開拓'], text: '規格外品を加工して売る相手を探している' },
      { tags: ['飲食店との連携'], text: '都内の飲食店に直接卸したい' },
    ],
    remarks: ['東京都エコ農産物認証を取得。'],
  },
  {
    code: 'B',
    count: 2,
    employees: [2, 12],
    places: 'island',
    themes: ['島しょ・西多摩活性化', '観光振興', '販路開拓'],
    lines: [
      {
        suffixes: [kk('水産', 'suisan'), yk('水産', 'suisan')],
        specialty: '近海漁業と水産加工',
        offers: ['水産物', 'くさや', '島の特産品'],
        offersText: '島で獲れた魚の直送と、くさやなどの加工品を提供できます。',
      },
    ],
    needs: [{ tags: ['販路開拓', '物流'], text: '島から都内への鮮魚の輸送コストを下げたい' }],
    remarks: ['島の漁協の組合員。'],
  },
  {
    code: 'C',
    count: 1,
    employees: [10, 40],
    places: 'quarry',
    themes: ['島しょ・西多摩活性化', 'BCP'],
    lines: [
      {
        suffixes: [kk('砕石', 'saiseki'), kk('鉱業', 'kogyo')],
        specialty: '石灰石・砕石の採掘',
        offers: ['砕石', '石灰石'],
        offersText: '建設用の砕石と石灰石を供給しています。',
      },
    ],
    needs: [{ tags: ['人材確保'], text: '重機オペレーターの確保と安全教育が課題です' }],
    remarks: ['地域の雇用を支える。'],
  },
  {
    code: 'F',
    count: 2,
    employees: [5, 30],
    places: 'local',
    themes: ['脱炭素', 'BCP'],
    lines: [
      {
        suffixes: [kk('エナジー', 'energy'), kk('電力', 'denryoku')],
        specialty: '地域新電力・再生可能エネルギー',
        offers: ['再生可能エネルギー', '電力供給', '脱炭素'],
        offersText: '地域の太陽光で発電した電気を事業者向けに供給しています。',
      },
    ],
    needs: [{ tags: ['屋根貸し'], text: '太陽光パネルを設置できる工場の屋根を探している' }],
    remarks: ['自治体と連携協定を締結。'],
  },
  {
    code: 'J',
    count: 3,
    employees: [2, 20],
    places: 'commerce',
    themes: ['BCP', '事業承継'],
    lines: [
      {
        suffixes: [kk('保険サービス', 'hoken'), kk('保険事務所', 'hoken')],
        specialty: '損害保険・生命保険の代理店',
        offers: ['保険', 'BCP支援', 'リスク診断'],
        offersText: '中小企業向けのリスク診断とBCP策定、事業承継に備えた保険設計を支援します。',
      },
    ],
    needs: [{ tags: ['顧客開拓'], text: '地域の若手経営者とのつながりを広げたい' }],
    remarks: ['損害保険代理店として地域で40年。'],
  },
  {
    code: 'Q',
    count: 2,
    employees: [3, 10],
    places: 'factory',
    themes: ['事業承継', '販路開拓'],
    lines: [
      {
        suffixes: [{ text: '工業協同組合', romaji: 'kumiai', form: 'kumiai' }],
        specialty: '組合員企業の共同受注・共同購買',
        offers: ['共同受注', '共同購買', '組合員ネットワーク'],
        offersText: '組合員約40社の技術を組み合わせた共同受注の窓口です。',
      },
    ],
    needs: [{ tags: ['組合員拡大', '事業承継'], text: '組合員の高齢化が進み、若手経営者の加入を増やしたい' }],
    remarks: ['昭和40年代に設立。'],
  },
  {
    code: 'T',
    count: 1,
    employees: [1, 5],
    places: 'local',
    themes: ['創業'],
    lines: [
      {
        suffixes: [{ text: 'ラボ', romaji: 'lab', form: 'godo' }],
        specialty: '創業準備中の新規事業',
        offers: ['アイデア', '若手ネットワーク'],
        offersText: '地域の課題を解決する新しいサービスを準備中です。',
      },
    ],
    needs: [{ tags: ['創業', '資金調達'], text: '創業に向けて事業計画と資金調達を相談したい' }],
    remarks: ['創業支援施設に入居。'],
  },
];

/** Company name stems: ordinary words and surnames of the kind small firms are named after. */
export const NAME_STEMS: readonly (readonly [string, string])[] = [
  ['若葉', 'wakaba'],
  ['青柳', 'aoyagi'],
  ['菊水', 'kikusui'],
  ['北斗', 'hokuto'],
  ['弥生', 'yayoi'],
  ['柏木', 'kashiwagi'],
  ['朝霧', 'asagiri'],
  ['白鷺', 'shirasagi'],
  ['早瀬', 'hayase'],
  ['葛城', 'katsuragi'],
  ['丸栄', 'maruei'],
  ['東雲', 'shinonome'],
  ['千歳', 'chitose'],
  ['錦', 'nishiki'],
  ['共栄', 'kyoei'],
  ['昭栄', 'shoei'],
  ['山光', 'sanko'],
  ['明和', 'meiwa'],
  ['光和', 'kowa'],
  ['信和', 'shinwa'],
  ['美和', 'miwa'],
  ['旭光', 'kyokko'],
  ['宝永', 'hoei'],
  ['若竹', 'wakatake'],
  ['松風', 'matsukaze'],
  ['竹村', 'takemura'],
  ['中西', 'nakanishi'],
  ['小野寺', 'onodera'],
  ['石原', 'ishihara'],
  ['丸八', 'maruhachi'],
  ['栄光', 'eiko'],
  ['大和田', 'owada'],
  ['新星', 'shinsei'],
  ['緑川', 'midorikawa'],
  ['清流', 'seiryu'],
  ['暁', 'akatsuki'],
  ['楓', 'kaede'],
  ['椿', 'tsubaki'],
  ['藤村', 'fujimura'],
  ['秋山', 'akiyama'],
  ['矢島', 'yajima'],
  ['大場', 'oba'],
  ['堀内', 'horiuchi'],
  ['杉本', 'sugimoto'],
  ['宮下', 'miyashita'],
  ['川端', 'kawabata'],
  ['森下', 'morishita'],
  ['白井', 'shirai'],
  ['黒田', 'kuroda'],
  ['富岡', 'tomioka'],
  ['望月', 'mochizuki'],
  ['奥村', 'okumura'],
  ['関根', 'sekine'],
  ['飯田', 'iida'],
  ['岩崎', 'iwasaki'],
  ['菅原', 'sugawara'],
  ['大西', 'onishi'],
  ['平和', 'heiwa'],
  ['光陽', 'koyo'],
  ['晃栄', 'koei'],
  ['三栄', 'sanei'],
  ['協進', 'kyoshin'],
  ['日栄', 'nichiei'],
  ['東和', 'towa'],
  ['丸五', 'marugo'],
  ['山久', 'yamakyu'],
  ['大黒', 'daikoku'],
  ['鶴亀', 'tsurukame'],
  ['桜井', 'sakurai'],
  ['水野', 'mizuno'],
  ['ミライ', 'mirai'],
  ['アオバ', 'aoba'],
  ['ソラノ', 'sorano'],
  ['ヒノデ', 'hinode'],
];
