import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { describeError, userError } from '../errors.ts';
import { noticeLines, noticeTitle, type RunNotice } from './message.ts';

export type ChannelKind = 'slack' | 'teams' | 'sns';

export interface Channel {
  kind: ChannelKind;
  /** Where it goes, for messages: the URL without its secret path, or the topic ARN. */
  label: string;
  send(notice: RunNotice): Promise<void>;
}

const WEBHOOK_TIMEOUT_MS = 10_000;
/** SNS e-mail subjects are limited to 100 characters. */
const SNS_SUBJECT_LIMIT = 100;

async function postJson(url: string, body: unknown): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
  });
  if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`);
}

/** Slack incoming webhook: https://api.slack.com/messaging/webhooks */
function slackPayload(notice: RunNotice) {
  return { text: noticeLines(notice).join('\n') };
}

/** Teams workflow ("When a Teams webhook request is received"): a message with an Adaptive Card. */
function teamsPayload(notice: RunNotice) {
  const [title, ...rest] = noticeLines(notice);
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          body: [
            { type: 'TextBlock', text: title, weight: 'Bolder', size: 'Medium', wrap: true },
            ...rest.map((line) => ({ type: 'TextBlock', text: line, wrap: true, spacing: 'None' })),
          ],
        },
      },
    ],
  };
}

const WEBHOOK_HOSTS: { kind: 'slack' | 'teams'; host: RegExp }[] = [
  { kind: 'slack', host: /^hooks\.slack\.com$/ },
  { kind: 'teams', host: /(\.logic\.azure\.com|\.powerplatform\.com|\.webhook\.office\.com)$/ },
];

const NOTIFY_HINT =
  'Give a Slack incoming webhook (https://hooks.slack.com/…), a Teams workflow URL, an SNS topic ARN ' +
  '(arn:aws:sns:REGION:ACCOUNT:TOPIC), or name the kind: slack:URL or teams:URL.';

function webhook(kind: 'slack' | 'teams', url: URL): Channel {
  const payload = kind === 'slack' ? slackPayload : teamsPayload;
  return {
    kind,
    label: `${kind} ${url.origin}`,
    send: (notice) => postJson(url.toString(), payload(notice)),
  };
}

function snsTopic(arn: string): Channel {
  const region = arn.split(':')[3] ?? '';
  return {
    kind: 'sns',
    label: arn,
    send: async (notice) => {
      const client = new SNSClient({ region });
      try {
        await client.send(
          new PublishCommand({
            TopicArn: arn,
            Subject: noticeTitle(notice).slice(0, SNS_SUBJECT_LIMIT),
            Message: noticeLines(notice).join('\n'),
          }),
        );
      } finally {
        client.destroy();
      }
    },
  };
}

/** `--notify` value → channel: an SNS topic ARN, a known webhook host, or `slack:` / `teams:` before the URL. */
export function parseChannel(target: string): Channel {
  if (/^arn:aws[\w-]*:sns:[\w-]+:\d{12}:[\w-]+$/.test(target)) return snsTopic(target);
  const named = /^(slack|teams):(https?:\/\/.+)$/.exec(target);
  let url: URL;
  try {
    url = new URL(named?.[2] ?? target);
  } catch {
    throw userError('BAD_NOTIFY', `--notify ${target}: not a URL or SNS topic ARN`, NOTIFY_HINT);
  }
  const kind =
    (named?.[1] as 'slack' | 'teams' | undefined) ??
    WEBHOOK_HOSTS.find((known) => known.host.test(url.hostname))?.kind;
  if (!kind)
    throw userError(
      'BAD_NOTIFY',
      `--notify ${target}: cannot tell whether this is Slack or Teams`,
      NOTIFY_HINT,
    );
  return webhook(kind, url);
}

export interface Delivery {
  channel: Channel;
  error?: string;
}

/** Sends the notice on every channel; a channel that fails is reported, never fails the run. */
export async function notifyAll(channels: readonly Channel[], notice: RunNotice): Promise<Delivery[]> {
  return Promise.all(
    channels.map(async (channel) => {
      try {
        await channel.send(notice);
        return { channel };
      } catch (error) {
        return { channel, error: describeError(error) };
      }
    }),
  );
}
