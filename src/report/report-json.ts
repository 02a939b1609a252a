import { SEVERITIES } from '../engine/check.ts';
import type { WaToolSettings } from './wa-tool-view.ts';
import type { CheckResult } from '../engine/results.ts';
import type { ReportLanguage } from './index.ts';
import type { ReportModel } from './model.ts';
import type { Branding } from './branding.ts';

/** The $id of src/report/schema/report.schema.json; report.json names it in `$schema`. */
export const REPORT_SCHEMA_ID = 'urn:wareview:schema:report:1';
export const REPORT_JSON_VERSION = 1;

function finding(model: ReportModel, result: CheckResult) {
  return {
    findingKey: result.findingKey,
    checkId: result.checkId,
    title: model.checksById.get(result.checkId)?.title ?? result.checkId,
    status: result.status,
    severity: result.severity,
    area: result.area,
    pillar: result.pillar,
    resource: {
      arn: result.resource.arn,
      accountId: result.resource.accountId,
      accountName: model.accountNames.get(result.resource.accountId) ?? '',
      region: result.resource.region,
      name: result.resource.name,
      ...(result.resource.type ? { type: result.resource.type } : {}),
    },
    evidence: result.evidence,
    ...(result.suppressed ? { suppressed: result.suppressed } : {}),
  };
}

/** report.json: the report's content for other tools, described by the published JSON Schema. */
export function renderReportJson(
  model: ReportModel,
  options: {
    language: ReportLanguage;
    branding: Branding;
    waTool?: WaToolSettings;
  },
): string {
  const document = model.results;
  const report = {
    $schema: REPORT_SCHEMA_ID,
    reportVersion: REPORT_JSON_VERSION,
    generator: document.generator,
    language: options.language,
    workload: document.workload,
    ...(options.branding.customer ? { customer: options.branding.customer } : {}),
    ...(options.branding.company ? { company: options.branding.company } : {}),
    ...(options.branding.reviewer ? { reviewer: options.branding.reviewer } : {}),
    evaluatedAt: document.evaluatedAt,
    collectedAt: document.inventory.collectedAt,
    lens: document.lens,
    scope: {
      ...document.inventory.scope,
      accountNames: Object.fromEntries(model.accountNames),
      checksRun: document.checks.length,
    },
    summary: {
      ...model.total,
      openFindings: model.openFindings,
      highRisks: model.highRisks,
      mediumRisks: model.mediumRisks,
      bySeverity: Object.fromEntries(
        SEVERITIES.map((severity) => [
          severity,
          model.severityCounts.find((e) => e.severity === severity)?.count ?? 0,
        ]),
      ),
      byArea: Object.fromEntries(model.areaScores.map(({ id, score }) => [id, score])),
      byPillar: Object.fromEntries(model.pillarScores.map(({ id, score }) => [id, score])),
    },
    topFixes: model.topFixes.map((group) => group.check.id),
    plan: model.plan.map((group, index) => ({
      step: index + 1,
      checkId: group.check.id,
      title: group.check.title,
      severity: group.check.severity,
      area: group.check.area,
      resources: group.failing.length,
      accounts: group.accountIds,
      effort: group.check.remediation.effort,
      downtime: group.check.remediation.downtime,
      extraCost: group.check.remediation.extraCost,
      ...(group.check.remediation.automation ? { automation: group.check.remediation.automation } : {}),
    })),
    checks: document.checks.map((check) => ({
      id: check.id,
      title: check.title,
      area: check.area,
      pillar: check.pillar,
      severity: check.severity,
      ...(check.description ? { description: check.description } : {}),
      remediation: check.remediation,
      ...(check.docsUrl ? { docsUrl: check.docsUrl } : {}),
      wellArchitected: check.wellArchitected,
    })),
    findings: document.results
      .filter((result) => result.status === 'fail' || result.status === 'error')
      .map((result) => finding(model, result)),
    coverage: document.inventory.coverage,
    wellArchitected: model.mapping.map((question) => ({
      questionId: question.questionId,
      code: question.code,
      title: question.title,
      pillar: question.pillarId,
      practices: question.practices.map((practice) => ({
        bestPractice: practice.bestPractice,
        choiceId: practice.choiceId,
        title: practice.choiceTitle,
        status: practice.status,
        checks: practice.checks.map((check) => check.id),
      })),
    })),
    ...(model.changes
      ? {
          changes: {
            previousEvaluatedAt: model.changes.previousEvaluatedAt,
            newFindings: model.changes.newFindings.map(({ result }) => result.findingKey),
            resolvedFindings: model.changes.resolvedFindings.map(({ result }) => ({
              findingKey: result.findingKey,
              checkId: result.checkId,
              arn: result.resource.arn,
            })),
          },
        }
      : {}),
    ...(options.waTool ? { waTool: options.waTool } : {}),
    warnings: document.warnings,
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
