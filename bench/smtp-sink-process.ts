/**
 * A counting SMTP sink in its own process, so the benchmark measures the sender and not the
 * sink's share of the same CPU. It reads each message to its end and answers 250, keeping
 * nothing: both phases of bench:mail pay the same, smallest, price for it. Reports its URL, then
 * the running count, over IPC.
 */
import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

function main(): void {
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    disableReverseLookup: true,
    logger: false,
    maxClients: 1000,
    onData(stream, _session, callback) {
      stream.on('end', () => {
        received += 1;
        callback();
      });
      stream.resume();
    },
  });
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.server.address() as AddressInfo;
    process.send?.({ url: `smtp://127.0.0.1:${port}` });
  });
  let reported = 0;
  setInterval(() => {
    if (received !== reported) {
      reported = received;
      process.send?.({ count: reported });
    }
  }, 20);
}

main();
