// The webhook edge, ours against LINE's SDK, in one run with the sides alternating (docs/performance.md):
// per round, BenchmarkDotNet's WebhookEdgeBenchmarks (signature check + envelope parse, in-process, short job) and
// signature-bench.js (validateSignature + JSON.parse) on the same bodies, the order swapped every round.
// Prints each round's times and ours/peer ratio per body, then the median ratio per body.
//   dotnet build bench/LineBot.Benchmarks -c Release && node bench/peer/edge-compare.js [--rounds 5]
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const argv = process.argv.slice(2);
const roundsIndex = argv.indexOf('--rounds');
const rounds = roundsIndex >= 0 ? Number(argv[roundsIndex + 1]) : 5;
const root = path.join(__dirname, '..', '..');
const dll = path.join(root, 'bench', 'LineBot.Benchmarks', 'bin', 'Release', 'net10.0', 'LineBot.Benchmarks.dll');
if (!fs.existsSync(dll)) {
  console.error(`${dll} not found: dotnet build bench/LineBot.Benchmarks -c Release`);
  process.exit(2);
}

const units = { ns: 1, 'μs': 1e3, us: 1e3, ms: 1e6, s: 1e9 };
const sizes = { B: 1, KB: 1024, MB: 1024 * 1024 };

// One CSV row per body: Body, Mean ("9.111 μs"), Allocated ("4.48 KB").
function ours(round) {
  const artifacts = fs.mkdtempSync(path.join(os.tmpdir(), `edge-bdn-${round}-`));
  const run = spawnSync('dotnet', [dll, '--filter', '*WebhookEdgeBenchmarks*', '--inProcess', '--job', 'short', '--exporters', 'csv', '--artifacts', artifacts], { cwd: root, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`BenchmarkDotNet failed: ${run.stderr || run.stdout.slice(-2000)}`);
  const file = fs.readdirSync(path.join(artifacts, 'results')).find((f) => f.endsWith('-report.csv'));
  // Split on commas outside quotes.
  const [head, ...rows] = fs.readFileSync(path.join(artifacts, 'results', file), 'utf8').trim().split('\n').map((l) => l.match(/("[^"]*"|[^,]*)(,|$)/g).map((c) => c.replace(/,$/, '').replace(/^"|"$/g, '')));
  const col = (name) => head.indexOf(name);
  const result = {};
  for (const row of rows) {
    const [mean, meanUnit] = row[col('Mean')].split(' ');
    const [alloc, allocUnit] = row[col('Allocated')].split(' ');
    // BenchmarkDotNet writes numbers with thousands separators (quoted when they hold a comma).
    const bytes = Number(alloc.replace(/[",]/g, '')) * sizes[allocUnit];
    result[`webhook-${row[col('Body')]}.json`] = { ns: Number(mean.replace(/[",]/g, '')) * units[meanUnit], bytes, rawAllocated: row[col('Allocated')] };
  }
  fs.rmSync(artifacts, { recursive: true, force: true });
  return result;
}

function peer() {
  const run = spawnSync('node', [path.join(__dirname, 'signature-bench.js'), '--samples', '9', '--json'], { cwd: root, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`signature-bench.js failed: ${run.stderr}`);
  return Object.fromEntries(JSON.parse(run.stdout.trim().split('\n').pop()).map((r) => [r.body, { ns: r.medianNs }]));
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

console.log(`nproc ${os.cpus().length}, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}; ${rounds} rounds, order swapped each round`);
const ratios = {};
for (let round = 1; round <= rounds; round++) {
  const order = round % 2 ? ['ours', 'peer'] : ['peer', 'ours'];
  const got = {};
  for (const side of order) got[side] = side === 'ours' ? ours(round) : peer();
  for (const body of Object.keys(got.peer).sort()) {
    const o = got.ours[body];
    const p = got.peer[body];
    if (!o) throw new Error(`no .NET result for ${body}`);
    const ratio = o.ns / p.ns;
    (ratios[body] ??= []).push(ratio);
    console.log(`round ${round} (${order.join(', ')}) ${body}: ours ${(o.ns / 1000).toFixed(2)} us, ${Number.isNaN(o.bytes) ? o.rawAllocated : (o.bytes / 1024).toFixed(2) + ' KB'} allocated; peer ${(p.ns / 1000).toFixed(2)} us; ours/peer ${ratio.toFixed(2)}`);
  }
}
console.log(`load average after ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
for (const [body, rs] of Object.entries(ratios)) {
  console.log(`${body}: time ours/peer median ${median(rs).toFixed(2)} (rounds: ${rs.map((r) => r.toFixed(2)).join(', ')})`);
}
