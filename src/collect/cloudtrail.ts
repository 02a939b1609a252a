import { CloudTrailClient, DescribeTrailsCommand, GetTrailStatusCommand } from '@aws-sdk/client-cloudtrail';
import { base, mapConcurrently, partCollector } from './collector.ts';

export const cloudtrailCollectors = [
  partCollector('cloudtrail', 'trails', {
    scope: 'regional',
    actions: ['cloudtrail:DescribeTrails', 'cloudtrail:GetTrailStatus'],
    async collect(context) {
      const client = context.client(CloudTrailClient);
      // Shadow trails make an organization trail visible in member accounts; a multi-region trail is
      // kept only in its home region so it is listed once.
      const { trailList = [] } = await client.send(new DescribeTrailsCommand({ includeShadowTrails: true }));
      const homeTrails = trailList.filter((trail) => trail.HomeRegion === context.region);
      return mapConcurrently(homeTrails, async (trail) => {
        const status = await client.send(new GetTrailStatusCommand({ Name: trail.TrailARN }));
        return {
          ...base(context, trail.TrailARN ?? '', trail.Name ?? ''),
          homeRegion: trail.HomeRegion ?? context.region,
          isMultiRegion: trail.IsMultiRegionTrail ?? false,
          isOrganizationTrail: trail.IsOrganizationTrail ?? false,
          logFileValidation: trail.LogFileValidationEnabled ?? false,
          isLogging: status.IsLogging ?? false,
          kmsKeyId: trail.KmsKeyId ?? null,
          s3BucketName: trail.S3BucketName ?? null,
          includeGlobalServiceEvents: trail.IncludeGlobalServiceEvents ?? true,
        };
      });
    },
  }),
];
