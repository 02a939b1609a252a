import { defineCheck, fail, pass } from '../../src/engine/check.ts';
import { instanceLabel, perInServiceInstance } from '../_lib/_instances.ts';

export default defineCheck({
  id: 'imdsv2-required',
  title: 'EC2 instances require IMDSv2 session tokens for instance metadata',
  area: 'remote-access',
  pillar: 'security',
  severity: 'medium',
  description:
    'IMDSv1 answers any plain GET to 169.254.169.254, so a server-side request forgery flaw or an open proxy on the instance hands out its role credentials. IMDSv2 requires a session token obtained with a PUT that such flaws cannot send.',
  needs: ['ec2.instances'],
  wellArchitected: [
    {
      question: 'protect-compute',
      choice: 'sec_protect_compute_auto_protection',
      bestPractice: 'SEC06-BP05',
    },
    { question: 'identities', choice: 'sec_identities_unique', bestPractice: 'SEC02-BP02' },
  ],
  remediation: {
    summary: 'Require IMDSv2 on the instance, and make it the account default for new instances.',
    steps: [
      'Check the MetadataNoToken CloudWatch metric of the instance: it counts IMDSv1 calls that would break.',
      'Update old SDKs and agents that still use IMDSv1.',
      'Set HttpTokens to required on the instance (no restart needed) and as the account-level default per region.',
    ],
    snippet:
      'aws ec2 modify-instance-metadata-options --instance-id <instance-id> --http-tokens required --http-endpoint enabled\naws ec2 modify-instance-metadata-defaults --http-tokens required',
    effort: 'low',
    downtime: false,
    extraCost: false,
  },
  docsUrl: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-IMDS-existing-instances.html',
  evaluate: (inventory) =>
    perInServiceInstance(inventory, (instance) => {
      const label = instanceLabel(instance);
      if (instance.imdsHttpEndpoint === 'disabled')
        return pass(instance, `${label} has the metadata service disabled`);
      return instance.imdsHttpTokens === 'required'
        ? pass(instance, `${label} requires IMDSv2 tokens`)
        : fail(
            instance,
            `${label} accepts IMDSv1 (HttpTokens optional)${instance.iamInstanceProfileArn ? ': its role credentials are one SSRF away' : ''}`,
          );
    }),
});
