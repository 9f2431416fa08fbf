import net from 'node:net';
import { eq } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailOutbox } from '../../db/schema';
import { createTestDatabase, type TestDatabase } from '../../db/test-db';
import { createTestApp } from '../../test/helpers';
import { deliverPending, maxDeliveryAttempts, type MailTransport } from './mailer';
import { enqueueEmail } from './outbox';
import { anonymousHeaders, createPasswordUser } from './test-fixtures';

interface Received { from: string; to: string[]; data: string }

/** A tiny SMTP server on 127.0.0.1 that speaks just enough of RFC 5321 for nodemailer. */
function startFakeSmtp(): Promise<{ port: number; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server = net.createServer((socket) => {
    socket.setEncoding('utf8');
    let buffer = '';
    let inData = false;
    let current: Received = { from: '', to: [], data: '' };
    socket.write('220 fake.samspil.test ESMTP\r\n');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end === -1) return;
          current.data = buffer.slice(0, end);
          buffer = buffer.slice(end + 5);
          inData = false;
          received.push(current);
          current = { from: '', to: [], data: '' };
          socket.write('250 2.0.0 queued\r\n');
          continue;
        }
        const eol = buffer.indexOf('\r\n');
        if (eol === -1) return;
        const line = buffer.slice(0, eol);
        buffer = buffer.slice(eol + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') socket.write('250-fake.samspil.test\r\n250 8BITMIME\r\n');
        else if (verb === 'MAIL') { current.from = line; socket.write('250 2.1.0 ok\r\n'); }
        else if (verb === 'RCPT') { current.to.push(line); socket.write('250 2.1.5 ok\r\n'); }
        else if (verb === 'DATA') { inData = true; socket.write('354 end with .\r\n'); }
        else if (verb === 'QUIT') { socket.end('221 bye\r\n'); return; }
        else if (verb === 'RSET' || verb === 'NOOP') socket.write('250 ok\r\n');
        else socket.write('502 5.5.2 not implemented\r\n');
      }
    });
    socket.on('error', () => undefined);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      resolve({ port, received, close: () => new Promise<void>((done) => server.close(() => done())) });
    });
  });
}

let database: TestDatabase;
let smtp: Awaited<ReturnType<typeof startFakeSmtp>>;

beforeAll(async () => {
  database = await createTestDatabase();
  smtp = await startFakeSmtp();
});
afterAll(async () => {
  await smtp.close();
  await database.drop();
});

describe('mailer', () => {
  it('delivers pending outbox messages over SMTP and records sent_at', async () => {
    const db = database.db;
    const id1 = await enqueueEmail(db, { to: 'a@test.dk', subject: 'Første', bodyText: 'Hej A', kind: 'test', partnershipId: null });
    const id2 = await enqueueEmail(db, { to: 'b@test.dk', subject: 'Anden', bodyText: 'Hej B', kind: 'test', partnershipId: null });
    const transport = nodemailer.createTransport(`smtp://127.0.0.1:${smtp.port}`);
    const result = await deliverPending(db, transport, 'Samspil <no-reply@samspil.test>');
    transport.close();
    expect(result).toEqual({ sent: 2, failed: 0 });
    expect(smtp.received.map((r) => r.to.join())).toEqual(['RCPT TO:<a@test.dk>', 'RCPT TO:<b@test.dk>']);
    expect(smtp.received[0].from).toContain('no-reply@samspil.test');
    expect(smtp.received[0].data).toContain('Hej A');
    for (const id of [id1, id2]) {
      const [row] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, id));
      expect(row.sentAt).not.toBeNull();
      expect(row.attempts).toBe(1);
    }
    // Nothing is sent twice.
    expect(await deliverPending(db, { sendMail: () => Promise.reject(new Error('should not be called')) }, 'x')).toEqual({ sent: 0, failed: 0 });
  });

  it('records failures and gives up after the last attempt', async () => {
    const db = database.db;
    const id = await enqueueEmail(db, { to: 'c@test.dk', subject: 'Fejler', bodyText: 'x', kind: 'test', partnershipId: null });
    let calls = 0;
    const failing: MailTransport = { sendMail: async () => { calls += 1; throw new Error('550 mailbox unavailable'); } };
    for (let i = 0; i < maxDeliveryAttempts + 2; i += 1) await deliverPending(db, failing, 'x');
    expect(calls).toBe(maxDeliveryAttempts);
    const [row] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, id));
    expect(row.sentAt).toBeNull();
    expect(row.attempts).toBe(maxDeliveryAttempts);
    expect(row.lastError).toBe('550 mailbox unavailable');
  });

  it('runs inside the app when SMTP_URL is set: a reset e-mail reaches the SMTP server', async () => {
    const t = await createTestApp({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, PUBLIC_URL: 'https://samspil.example.dk' });
    try {
      const user = await createPasswordUser(t.db, { roles: ['analyst'], password: 'en-lang-adgangskode' });
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', headers: anonymousHeaders, payload: { email: user.email } });
      expect(res.statusCode).toBe(202);
      const deadline = Date.now() + 10_000;
      let sentAt: Date | null = null;
      while (!sentAt && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        [{ sentAt }] = await t.db.select({ sentAt: emailOutbox.sentAt }).from(emailOutbox).where(eq(emailOutbox.toAddress, user.email));
      }
      expect(sentAt).not.toBeNull();
      const delivered = smtp.received.find((r) => r.to.join().includes(user.email));
      expect(delivered?.data).toContain('samspil.example.dk/nulstil-adgangskode?token=');
    } finally {
      await t.close();
    }
  });
});
