// Node side of the signature + parse micro-benchmark (docs/performance.md): LINE's SDK validateSignature plus
// JSON.parse on the same bodies the BenchmarkDotNet class WebhookEdgeBenchmarks reads (bench/fixtures/webhook-*.json).
//   node bench/peer/signature-bench.js
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');
const { validateSignature } = require('@line/bot-sdk');

const secret = 'benchmark-channel-secret';
const dir = path.join(__dirname, '..', 'fixtures');
const names = fs.readdirSync(dir).filter((f) => /^webhook-.*\.json$/.test(f)).sort();

function run(body, signature) {
  if (!validateSignature(body, secret, signature)) throw new Error('bad signature');
  return JSON.parse(body.toString()).events.length;
}

for (const name of names) {
  const body = fs.readFileSync(path.join(dir, name));
  const signature = crypto.createHmac('sha256', secret).update(body).digest('base64');
  for (let i = 0; i < 20000; i++) run(body, signature); // warm-up (JIT)
  const samples = [];
  for (let round = 0; round < 15; round++) {
    const n = 20000;
    const heapBefore = process.memoryUsage().heapUsed;
    const start = process.hrtime.bigint();
    for (let i = 0; i < n; i++) run(body, signature);
    const ns = Number(process.hrtime.bigint() - start) / n;
    samples.push(ns);
    void heapBefore;
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)];
  console.log(`${name} (${body.length} bytes): validateSignature + JSON.parse median ${(median / 1000).toFixed(2)} us per body`);
}
