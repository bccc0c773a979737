/**
 * `npm run bench:import` — imports a 10,000-row Shift_JIS participant list through the real service
 * (HTTP → GraphQL → validation → Postgres), first into an empty pool (all created), then again
 * (every row found as it is stored: unchanged). Target: each under 30 s on the 2-core reference machine.
 */
import 'reflect-metadata';
import * as iconv from 'iconv-lite';
import { cpus, totalmem } from 'node:os';
import { corporateNumberCheckDigit } from '../src/common/japan/corporate-number';
import { post, startService } from './bench-service';

const ROWS = Number(process.argv[2] ?? 10_000);
const WARDS = [
  '葛飾区',
  '墨田区',
  '大田区',
  '台東区',
  '江東区',
  '足立区',
  '板橋区',
  '品川区',
  '八王子市',
  '青梅市',
];
const STEMS = ['髙橋', '山﨑', '佐藤', '鈴木', '田中', '伊藤', '渡辺', '中村', '小林', '加藤'];
const KANA = [
  'タカハシ',
  'ヤマザキ',
  'サトウ',
  'スズキ',
  'タナカ',
  'イトウ',
  'ワタナベ',
  'ナカムラ',
  'コバヤシ',
  'カトウ',
];
const SUFFIX = ['製作所', '工業', '精機', '商事', 'デザイン', '食品'];
const INDUSTRY = ['E', 'E', 'I', 'G', 'L', 'D', 'M', 'R'];
const OFFERS = ['精密板金、溶接', '切削加工', 'Webデザイン、EC構築', '食品加工', '物流', '税務相談'];
const NEEDS = ['販路開拓', '事業承継、人材確保', 'DX', '海外展開', '資金調達', '共同開発'];

function sheet(rows: number): Buffer {
  const lines = [
    'メールアドレス,氏名,フリガナ,事業者名,法人番号,業種,所在地,従業員数,提供できること,求めること,関心テーマ,マッチング同意,メール受信同意',
  ];
  for (let i = 0; i < rows; i++) {
    const k = i % STEMS.length;
    const base = String(100_000_000_000 + i * 7919).slice(-12);
    lines.push(
      [
        `member${i}@example.jp`,
        `${STEMS[k]} 太郎${i}`,
        `${KANA[k]} タロウ`,
        `${STEMS[k]}${SUFFIX[i % SUFFIX.length]}${i}`,
        `${corporateNumberCheckDigit(base)}${base}`,
        INDUSTRY[i % INDUSTRY.length],
        `東京都${WARDS[i % WARDS.length]}`,
        String(5 + (i % 200)),
        `"${OFFERS[i % OFFERS.length]}"`,
        `"${NEEDS[(i * 3) % NEEDS.length]}"`,
        '事業承継',
        'はい',
        'はい',
      ].join(','),
    );
  }
  return iconv.encode(lines.join('\r\n'), 'cp932');
}

async function main(): Promise<void> {
  const { app, url, token } = await startService('tsunagu_bench_import');

  const file = sheet(ROWS).toString('base64');
  console.error(
    `machine: ${cpus().length} × ${cpus()[0]?.model}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`,
  );
  console.log('| run | rows | created | updated | unchanged | errors | seconds | rows/s |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const run of ['empty pool', 'same file again']) {
    const started = performance.now();
    const result = await post(
      url,
      'mutation($fileBase64: String) { importParticipants(fileBase64: $fileBase64) { created updated unchanged errors { row } } }',
      { fileBase64: file },
      token,
    );
    const seconds = (performance.now() - started) / 1000;
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    const outcome = (
      result.data as {
        importParticipants: { created: number; updated: number; unchanged: number; errors: unknown[] };
      }
    ).importParticipants;
    console.log(
      `| ${run} | ${ROWS} | ${outcome.created} | ${outcome.updated} | ${outcome.unchanged} | ${outcome.errors.length} | ${seconds.toFixed(2)} | ${Math.round(ROWS / seconds)} |`,
    );
  }
  await app.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
