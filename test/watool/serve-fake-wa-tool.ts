/**
 * Starts the local WA Tool stand-in by hand, to try `wareview record` / `review --record` against it:
 *   npx tsx test/watool/serve-fake-wa-tool.ts
 *   AWS_ENDPOINT_URL_WELLARCHITECTED=<printed endpoint> AWS_REGION=us-east-1 \
 *     AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test node bin/wareview.js record --results …/results.json
 * Ctrl-C stops it; GET /__state on the endpoint dumps workloads, answers and milestones as JSON.
 */
import { FakeWaTool } from './fake-wa-tool.ts';

const fake = new FakeWaTool();
const endpoint = await fake.start(Number(process.env.PORT ?? 0));
console.log(endpoint);
process.on('SIGINT', () => void fake.stop().then(() => process.exit(0)));
process.on('SIGTERM', () => void fake.stop().then(() => process.exit(0)));
