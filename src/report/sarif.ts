import type { Severity } from '../engine/check.ts';
import type { CheckResult } from '../engine/results.ts';
import type { ReportModel } from './model.ts';

/** SARIF 2.1.0 levels and the numeric security-severity GitHub code scanning sorts by. */
const LEVELS: Record<Severity, { level: 'error' | 'warning' | 'note'; securitySeverity: string }> = {
  critical: { level: 'error', securitySeverity: '9.5' },
  high: { level: 'error', securitySeverity: '8.0' },
  medium: { level: 'warning', securitySeverity: '5.5' },
  low: { level: 'note', securitySeverity: '3.0' },
  informational: { level: 'note', securitySeverity: '0.0' },
};

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

function location(result: CheckResult) {
  return {
    logicalLocations: [
      {
        name: result.resource.name || result.resource.arn,
        fullyQualifiedName: result.resource.arn,
        kind: 'resource',
        properties: { accountId: result.resource.accountId, region: result.resource.region },
      },
    ],
  };
}

/**
 * report.sarif: one rule per check, one result per failing resource (accepted risks carry an external
 * suppression), and results that could not be evaluated as tool execution notifications.
 */
export function renderSarif(model: ReportModel): string {
  const checks = model.results.checks;
  const ruleIndex = new Map(checks.map((check, index) => [check.id, index]));
  const rules = checks.map((check) => ({
    id: check.id,
    name: check.id,
    shortDescription: { text: check.title },
    fullDescription: { text: check.description ?? check.title },
    help: {
      text: [
        check.remediation.summary,
        ...check.remediation.steps.map((step, index) => `${index + 1}. ${step}`),
      ].join('\n'),
    },
    ...(check.docsUrl ? { helpUri: check.docsUrl } : {}),
    defaultConfiguration: { level: LEVELS[check.severity].level },
    properties: {
      tags: [check.area, check.pillar, ...check.wellArchitected.map((mapping) => mapping.bestPractice)],
      'security-severity': LEVELS[check.severity].securitySeverity,
      severity: check.severity,
      effort: check.remediation.effort,
    },
  }));
  const results = model.results.results
    .filter((result) => result.status === 'fail')
    .map((result) => ({
      ruleId: result.checkId,
      ...(ruleIndex.has(result.checkId) ? { ruleIndex: ruleIndex.get(result.checkId) } : {}),
      kind: 'fail',
      level: LEVELS[result.severity].level,
      message: { text: result.evidence || result.checkId },
      locations: [location(result)],
      partialFingerprints: { 'wareviewFindingKey/v1': result.findingKey },
      ...(result.suppressed
        ? {
            suppressions: [
              {
                kind: 'external',
                status: 'accepted',
                justification: result.suppressed.reason,
                ...(result.suppressed.expires ? { properties: { expires: result.suppressed.expires } } : {}),
              },
            ],
          }
        : {}),
      properties: { area: result.area, pillar: result.pillar, severity: result.severity },
    }));
  const notifications = model.results.results
    .filter((result) => result.status === 'error')
    .map((result) => ({
      level: 'error',
      message: { text: result.evidence },
      descriptor: { id: result.checkId },
      locations: [location(result)],
    }));
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'wareview', version: model.results.generator.version, rules } },
        automationDetails: { id: `wareview/${model.results.workload}/${model.results.evaluatedAt}` },
        invocations: [
          {
            executionSuccessful: true,
            endTimeUtc: model.results.evaluatedAt,
            toolExecutionNotifications: notifications,
          },
        ],
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
