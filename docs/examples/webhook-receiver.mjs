// A webhook receiver for the account service: verifies the Standard Webhooks signature, answers at
// once, processes each event once (by its id), and ignores types it does not know.
//   npm install standardwebhooks
//   WEBHOOK_SECRET=whsec_... node webhook-receiver.mjs
import { createServer } from 'node:http';
import { Webhook } from 'standardwebhooks';

const webhook = new Webhook(process.env.WEBHOOK_SECRET);
// Use your database in production: delivery is at-least-once, so the same id can come twice.
const seen = new Set();

const handlers = {
  'user.created': (data) => console.log('new user', data.user.id, data.primaryEmail),
  'user.email.changed': (data) => console.log('email of', data.user.id, 'is now', data.email),
  'user.deleted': (data) => console.log('delete everything about', data.user.id),
  'webhook.test': () => console.log('test delivery received'),
};

createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8');
    let event;
    try {
      // Checks webhook-signature over "webhook-id.webhook-timestamp.body" and refuses timestamps
      // more than 5 minutes away (replays).
      event = webhook.verify(body, req.headers);
    } catch {
      res.writeHead(400).end('invalid signature');
      return;
    }
    // Any 2xx ends the retries; answer first, work later.
    res.writeHead(204).end();
    if (seen.has(event.id)) return;
    seen.add(event.id);
    handlers[event.type]?.(event.data, event);
  });
}).listen(Number(process.env.PORT ?? 8080), () => console.log('listening'));
