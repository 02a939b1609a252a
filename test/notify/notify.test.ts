import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { evaluateChecks } from '../../src/engine/evaluate.ts';
import { loadChecks } from '../../src/engine/loader.ts';
import { History } from '../../src/history/store.ts';
import { loadDemoEstate } from '../../src/inventory/demo.ts';
import { notifyAll, parseChannel } from '../../src/notify/channels.ts';
import { LISTED_FINDINGS } from '../../src/notify/message.ts';
import { noticeFor } from '../../src/notify/notice.ts';
import { startFakeAws } from '../collect/harness.ts';
import { runCli } from '../helpers/cli.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const tempDir = useTempDir();
const checks = await loadChecks();

/** A local webhook receiver: records each JSON body, answers with `status`. */
interface Receiver {
  url: string;
  bodies: unknown[];
}
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

async function receiver(status = 200): Promise<Receiver> {
  const bodies: unknown[] = [];
  const server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString()));
    request.on('end', () => {
      bodies.push(JSON.parse(text));
      response.writeHead(status).end(status === 200 ? 'ok' : 'down');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, bodies };
}

/** Two recorded runs of the demo estate: the second fixes one finding and breaks many. */
async function twoRuns() {
  const location = join(tempDir(), 'history.sqlite');
  const history = await History.open(location);
  const before = loadDemoEstate();
  await history.recordRun(
    evaluateChecks(checks, before, { now: new Date('2026-11-01T00:00:00Z') }),
    '/runs/1',
  );
  const after = loadDemoEstate();
  after.rds.instances.find((db) => db.identifier === 'shop-orders-mysql')!.multiAz = true;
  const volume = after.ec2.volumes[0]!;
  for (let copy = 0; copy < LISTED_FINDINGS + 2; copy += 1)
    after.ec2.volumes.push({ ...volume, arn: `${volume.arn}-copy-${copy}`, encrypted: false });
  const results = evaluateChecks(checks, after, { now: new Date('2026-11-08T00:00:00Z') });
  const runId = await history.recordRun(results, '/runs/2');
  await history.close();
  return { results, outDir: '/runs/2', history: { location, runId } };
}

describe('parseChannel', () => {
  it.each([
    ['https://hooks.slack.com/services/T0/B0/secret', 'slack', 'slack https://hooks.slack.com'],
    [
      'https://prod-12.westeurope.logic.azure.com/workflows/abc/triggers/manual/paths/invoke',
      'teams',
      'teams https://prod-12.westeurope.logic.azure.com',
    ],
    ['teams:http://127.0.0.1:9/hook', 'teams', 'teams http://127.0.0.1:9'],
    [
      'arn:aws:sns:eu-west-1:111111111111:wareview-runs',
      'sns',
      'arn:aws:sns:eu-west-1:111111111111:wareview-runs',
    ],
  ])('%s is a %s channel shown as %s', (target, kind, label) => {
    expect(parseChannel(target)).toMatchObject({ kind, label });
  });

  it.each([
    ['https://example.com/hook', /cannot tell whether this is Slack or Teams/],
    ['not a url', /not a URL or SNS topic ARN/],
  ])('refuses %s', (target, message) => {
    expect(() => parseChannel(target)).toThrow(message);
  });
});

describe('notifications', () => {
  it('posts the summary and the new and resolved findings, capped with counts, to Slack and Teams; a channel that is down is reported, not thrown', async () => {
    const outcome = await twoRuns();
    const notice = await noticeFor(outcome, 0, 's3://archive/shop/run-2/');
    expect(notice.resolved.map((finding) => finding.checkId)).toContain('rds-multi-az');
    const resolved = notice.resolved.length;
    expect(notice.added.length).toBeGreaterThan(LISTED_FINDINGS);

    const slack = await receiver();
    const teams = await receiver();
    const down = await receiver(503);
    const deliveries = await notifyAll(
      [`slack:${slack.url}`, `teams:${teams.url}`, `slack:${down.url}`].map(parseChannel),
      notice,
    );
    expect(deliveries.map((delivery) => delivery.error)).toEqual([
      undefined,
      undefined,
      'HTTP 503 Service Unavailable',
    ]);

    const text = (slack.bodies[0] as { text: string }).text;
    expect(text).toContain(`Since the previous run: ${notice.added.length} new, ${resolved} resolved.`);
    expect(text).toContain(`New findings (${notice.added.length}):`);
    expect(text).toContain(`… and ${notice.added.length - LISTED_FINDINGS} more`);
    expect(text).toContain(`Resolved findings (${resolved}):`);
    expect(text).toContain('• [high] rds-multi-az: single-AZ mysql shop-orders-mysql');
    expect(text).toContain('Report: s3://archive/shop/run-2/');
    expect(text.split('\n').filter((line) => line.startsWith('• '))).toHaveLength(LISTED_FINDINGS + resolved);

    const card = (
      teams.bodies[0] as { attachments: { contentType: string; content: { body: { text: string }[] } }[] }
    ).attachments[0]!;
    expect(card.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(card.content.body.map((block) => block.text).join('\n')).toBe(text);
  });

  it('publishes to an SNS topic through the real SDK client', async () => {
    const fake = await startFakeAws({
      rows: [{ client: 'SNS', operation: 'Publish', body: '<MessageId>m-1</MessageId>' }],
    });
    const outcome = await twoRuns();
    const topic = 'arn:aws:sns:eu-west-1:111111111111:wareview-runs';
    const [delivery] = await notifyAll([parseChannel(topic)], await noticeFor(outcome, 1, '/runs/2'));
    expect(delivery?.error).toBeUndefined();
    const publish = fake.calls.find((call) => call.client === 'SNS' && call.operation === 'Publish');
    expect(publish?.params.TopicArn).toBe(topic);
    expect(publish?.params.Subject).toMatch(
      /^wareview: shop-platform: score \d+\/100, \d+ open finding\(s\)$/,
    );
    expect(publish?.params.Message).toContain('Exit code: 1.');
  });

  it('wareview review --notify: the run succeeds and says which notification failed', async () => {
    const slack = await receiver();
    const run = await runCli(
      [
        'review',
        '--demo',
        '--format',
        'md',
        '--notify',
        `slack:${slack.url}`,
        '--notify',
        'teams:http://127.0.0.1:1/down',
      ],
      { cwd: tempDir() },
    );
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('wareview: notification to teams http://127.0.0.1:1 failed');
    expect((slack.bodies[0] as { text: string }).text).toContain('First recorded run of this workload.');
    const summary = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as { notified: Record<string, string> };
    expect(summary.notified[`slack ${new URL(slack.url).origin}`]).toBe('sent');
    expect(summary.notified['teams http://127.0.0.1:1']).toMatch(/^failed: /);
  }, 120_000);
});
