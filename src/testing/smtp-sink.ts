// A local SMTP server for tests (loopback only): accepts every message, optionally after a delay
// (a slow mail server), or refuses them all (a broken one). Keeps what it received.
import net from 'node:net';

export type SmtpSink = { server: net.Server; port: number; received: string[]; close(): Promise<void> };

export async function startSmtpSink(opts: { delayMs?: number; refuse?: boolean } = {}): Promise<SmtpSink> {
  const received: string[] = [];
  const server = net.createServer((sock) => {
    let buffered = '';
    let inData = false;
    let message = '';
    sock.write('220 sink ESMTP\r\n');
    sock.on('data', (chunk) => {
      buffered += chunk.toString('latin1');
      for (let nl = buffered.indexOf('\r\n'); nl >= 0; nl = buffered.indexOf('\r\n')) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            const done = () => {
              if (opts.refuse) return sock.write('554 refused\r\n');
              received.push(message);
              sock.write('250 queued\r\n');
            };
            if (opts.delayMs) setTimeout(done, opts.delayMs);
            else done();
          } else message += `${line}\n`;
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') sock.write('250-sink\r\n250 8BITMIME\r\n');
        else if (verb === 'DATA') {
          inData = true;
          message = '';
          sock.write('354 go on\r\n');
        } else if (verb === 'QUIT') sock.end('221 bye\r\n');
        else sock.write('250 ok\r\n');
      }
    });
    sock.on('error', () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    server,
    port: (server.address() as net.AddressInfo).port,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
