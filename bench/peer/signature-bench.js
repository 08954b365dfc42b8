// Node side of the signature + parse micro-benchmark (docs/performance.md): LINE's SDK validateSignature plus
// JSON.parse on the same bodies the BenchmarkDotNet class WebhookEdgeBenchmarks reads (bench/fixtures/webhook-*.json).
//   node bench/peer/signature-bench.js [--samples 15] [--sample-ms 100] [--json]
// Each sample times a loop sized to last about --sample-ms; the median sample is printed, per body.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');
const { validateSignature } = require('@line/bot-sdk');

const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};
const samplesWanted = option('--samples', 15);
const sampleMs = option('--sample-ms', 100);
const json = argv.includes('--json');

const secret = 'benchmark-channel-secret';
const dir = path.join(__dirname, '..', 'fixtures');
const names = fs.readdirSync(dir).filter((f) => /^webhook-.*\.json$/.test(f)).sort();

function run(body, signature) {
  if (!validateSignature(body, secret, signature)) throw new Error('bad signature');
  return JSON.parse(body.toString()).events.length;
}

function timeLoop(body, signature, n) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) run(body, signature);
  return Number(process.hrtime.bigint() - start) / n;
}

const results = [];
for (const name of names) {
  const body = fs.readFileSync(path.join(dir, name));
  const signature = crypto.createHmac('sha256', secret).update(body).digest('base64');
  // Warm-up (JIT) for about a second, which also sizes the loop.
  let perCall = timeLoop(body, signature, 200);
  const warmEnd = process.hrtime.bigint() + 1_000_000_000n;
  while (process.hrtime.bigint() < warmEnd) perCall = timeLoop(body, signature, Math.max(1, Math.round(50e6 / perCall)));
  const n = Math.max(1, Math.round((sampleMs * 1e6) / perCall));
  const samples = [];
  for (let s = 0; s < samplesWanted; s++) samples.push(timeLoop(body, signature, n));
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)];
  results.push({ body: name, bytes: body.length, medianNs: median, minNs: samples[0], maxNs: samples[samples.length - 1] });
  if (!json) {
    console.log(`${name} (${body.length} bytes): validateSignature + JSON.parse median ${(median / 1000).toFixed(2)} us per body (${samplesWanted} samples x ${n})`);
  }
}
if (json) console.log(JSON.stringify(results));
