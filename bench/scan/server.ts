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
  process.stdout.write(`${JSON.stringify({ requests: fake.calls.length, unanswered, cpuSeconds })}\n`);
  process.exit(0);
});
