/**
 * A counting SMTP sink in its own process, so the benchmark measures the sender and not the
 * sink's share of the same CPU. Reports its URL, then the running count, over IPC.
 */
import { SmtpSink } from '../test/support/smtp-sink';

async function main(): Promise<void> {
  const sink = await SmtpSink.start({ parse: false });
  process.send?.({ url: sink.url });
  let reported = 0;
  setInterval(() => {
    if (sink.messages.length !== reported) {
      reported = sink.messages.length;
      process.send?.({ count: reported });
    }
  }, 20);
}

void main();
