/**
 * The synthetic organization's endpoint, in its own process so that answering does not compete with the
 * collector for the event loop. Prints its URL, then on SIGTERM the number of requests it answered.
 */
import { FakeAws } from '../../test/aws/fake/server.ts';
import { MANAGEMENT, syntheticEstateRows } from './estate.ts';

const latencyMs = Number(process.env.SCAN_BENCH_LATENCY_MS ?? 40);
const fake = new FakeAws({ managementAccount: MANAGEMENT, rows: syntheticEstateRows(), latencyMs });
await fake.start();
process.stdout.write(`${JSON.stringify({ url: fake.url, localhostUrl: fake.localhostUrl })}\n`);
process.on('SIGTERM', () => {
  const unanswered = fake.unanswered.length;
  const cpu = process.cpuUsage();
  const cpuSeconds = Number(((cpu.user + cpu.system) / 1e6).toFixed(1));
  const byOperation: Record<string, number> = {};
  for (const call of fake.calls) byOperation[call.operation] = (byOperation[call.operation] ?? 0) + 1;
  // X-Amz-Date has whole seconds: the age is exact to within one second.
  const oldestSignatureAgeSeconds = Math.round(fake.oldestSignatureAgeMs / 1000);
  process.stdout.write(
    `${JSON.stringify({ requests: fake.calls.length, unanswered, cpuSeconds, oldestSignatureAgeSeconds, byOperation })}\n`,
  );
  process.exit(0);
});
