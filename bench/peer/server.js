// The peer of docs/performance.md: a minimal LINE bot on LINE's official SDK middleware doing the same ingress
// work as ours — verify the signature, parse, put each event on an Azure storage queue, answer 200 (503 when the
// queue is down, so LINE redelivers). Loopback only. Started by `bench/LineBot.Load compare`.
//   PEER_PORT, LINE_CHANNEL_SECRET, PEER_STORAGE (a connection string), PEER_QUEUE
'use strict';
const http = require('node:http');
const { middleware } = require('@line/bot-sdk');
const { QueueClient } = require('@azure/storage-queue');

const port = Number(process.env.PEER_PORT);
const queue = new QueueClient(process.env.PEER_STORAGE, process.env.PEER_QUEUE || 'peer-events');
const verify = middleware({ channelSecret: process.env.LINE_CHANNEL_SECRET });

function answer(res, status) {
  res.statusCode = status;
  res.end();
}

const server = http.createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/api/line/webhook') {
    answer(res, 404);
    return;
  }
  verify(req, res, (err) => {
    if (err) {
      answer(res, err.name === 'SignatureValidationFailed' ? 401 : 400);
      return;
    }
    const events = Array.isArray(req.body.events) ? req.body.events : [];
    Promise.all(events.map((e) => queue.sendMessage(Buffer.from(JSON.stringify(e)).toString('base64'))))
      .then(() => answer(res, 200), () => answer(res, 503));
  });
});

queue.createIfNotExists().then(() => {
  server.listen(port, '127.0.0.1', () => console.log(`peer listening on 127.0.0.1:${port}`));
}, (err) => {
  console.error(`peer: queue not reachable: ${err.message}`);
  process.exit(1);
});
