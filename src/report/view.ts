import { SEVERITIES, type Severity } from '../engine/check.ts';
import type { CheckResult } from '../engine/results.ts';
import { loadWellArchitectedLens } from '../watool/lens.ts';
import { DEFAULT_PRIMARY_COLOR, type Branding } from './branding.ts';
import { SEVERITY_COLORS, barChart, donut, scoreColor, scoreRing } from './charts.ts';
import {
  countOf,
  formatDate,
  formatNumber,
  isMessageKey,
  translator,
  type MessageKey,
  type Translate,
} from './i18n.ts';
import type { ReportLanguage } from './index.ts';
import type { CheckGroup, ReportModel, ResultWithCheck } from './model.ts';
import { waToolView, type WaToolSettings } from './wa-tool-view.ts';

/**
 * The template data: every string already translated and formatted, so templates only lay out.
 * Estate values stay plain strings here; each output format escapes them for its own syntax.
 */
export interface ViewOptions {
  language: ReportLanguage;
  branding: Branding;
  logo: string | undefined;
  waTool?: WaToolSettings;
  /** Most resource rows listed per check; the rest are counted and left to findings.csv. */
  rowLimit?: number;
}

export interface ResourceRow {
  accountId: string;
  accountName: string;
  region: string;
  name: string;
  arn: string;
  evidence: string;
}

/** A check listing at most this many resources is kept whole on one printed page. */
const COMPACT_ROWS = 6;

export function buildView(model: ReportModel, options: ViewOptions) {
  const t = translator(options.language);
  const { results } = model;
  const number = (value: number) => formatNumber(value, options.language);
  const label = (key: string) => (isMessageKey(key) ? t(key) : key);
  const severity = (value: Severity) => ({ key: value, label: t(`severity.${value}`) });
  const scoreText = (score: number | null) => (score === null ? t('summary.notScored') : `${score}`);
  const accountName = (id: string) => model.accountNames.get(id) ?? '';
  const row = (result: CheckResult): ResourceRow => ({
    accountId: result.resource.accountId,
    accountName: accountName(result.resource.accountId),
    region: result.resource.region,
    name: result.resource.name,
    arn: result.resource.arn,
    evidence: result.evidence,
  });
  const anchorOf = (checkId: string) => `check-${checkId}`;
  const effort = (group: CheckGroup) => t(`effort.${group.check.remediation.effort}`);
  const lens = loadWellArchitectedLens();

  const checkView = (group: CheckGroup) => {
    const { check } = group;
    const limit = options.rowLimit ?? Number.POSITIVE_INFINITY;
    const rows = group.failing.slice(0, limit).map(row);
    const hidden = group.failing.length - rows.length;
    return {
      id: check.id,
      anchor: anchorOf(check.id),
      title: check.title,
      severity: severity(check.severity),
      area: check.area,
      description: check.description ?? '',
      count: group.failing.length,
      countText: countOf(t, 'resources', group.failing.length, number(group.failing.length)),
      accountsText: countOf(t, 'accounts', group.accountIds.length, number(group.accountIds.length)),
      accountIds: group.accountIds.join(' '),
      affectedTitle: t('finding.affected', { count: number(group.failing.length) }),
      remediation: {
        summary: check.remediation.summary,
        steps: check.remediation.steps,
        snippet: check.remediation.snippet ?? '',
        effort: effort(group),
        effortKey: check.remediation.effort,
        downtime: check.remediation.downtime ? t('yes') : t('no'),
        downtimeFlag: check.remediation.downtime,
        extraCost: check.remediation.extraCost ? t('yes') : t('no'),
        extraCostFlag: check.remediation.extraCost,
        automation: check.remediation.automation === 'aurora-migration',
      },
      docsUrl: check.docsUrl && /^https:\/\//.test(check.docsUrl) ? check.docsUrl : '',
      wellArchitected: check.wellArchitected.map((mapping) => {
        const question = lens.pillars
          .flatMap((pillar) => pillar.questions)
          .find((q) => q.id === mapping.question);
        const choice = question?.choices.find((candidate) => candidate.id === mapping.choice);
        return { bestPractice: mapping.bestPractice, title: choice?.title ?? mapping.choice };
      }),
      rows,
      moreText: hidden > 0 ? t('more.resources', { count: number(hidden) }) : '',
      /** Short enough to keep on one printed page. */
      compact: rows.length <= COMPACT_ROWS,
    };
  };

  const planFlags = (group: CheckGroup) =>
    [
      group.check.remediation.downtime ? t('plan.flagDowntime') : '',
      group.check.remediation.extraCost ? t('plan.flagCost') : '',
      group.check.remediation.automation === 'aurora-migration' ? t('plan.flagAutomation') : '',
    ].filter(Boolean);

  const planRow = (group: CheckGroup, index: number) => ({
    step: index + 1,
    anchor: anchorOf(group.check.id),
    title: group.check.title,
    summary: group.check.remediation.summary,
    severity: severity(group.check.severity),
    area: t(`area.${group.check.area}`),
    count: number(group.failing.length),
    effort: effort(group),
    flags: planFlags(group),
  });

  const findingRow = ({ check, result }: ResultWithCheck) => ({
    checkTitle: check.title,
    checkId: check.id,
    severity: severity(result.severity),
    ...row(result),
  });

  const severityItems = SEVERITIES.map((value) => ({
    ...severity(value),
    count: model.severityCounts.find((entry) => entry.severity === value)?.count ?? 0,
    color: SEVERITY_COLORS[value] ?? '#888',
  }));
  const areaRows = model.areaScores.map(({ id, score }) => ({
    title: t(`area.${id}`),
    score: score.score,
    scoreText: scoreText(score.score),
  }));
  const pillarRows = model.pillarScores.map(({ id, score }) => ({
    title: t(`pillar.${id}`),
    score: score.score,
    scoreText: scoreText(score.score),
  }));
  const total = model.total;
  const primaryColor = options.branding.primaryColor ?? DEFAULT_PRIMARY_COLOR;

  return {
    lang: options.language,
    meta: {
      title: t('report.title'),
      subtitle: t('report.subtitle'),
      workload: results.workload,
      customer: options.branding.customer ?? '',
      company: options.branding.company ?? '',
      reviewer: options.branding.reviewer ?? '',
      date: formatDate(results.evaluatedAt, options.language),
      collectedAt: formatDate(results.inventory.collectedAt, options.language),
      version: results.generator.version,
      generatedBy: t('footer.generated', { version: results.generator.version }),
      lens: `${lens.name} (${results.lens.version})`,
      logo: options.logo ?? '',
      primaryColor,
    },
    scope: {
      accounts: results.inventory.accounts.map((account) => ({
        id: account.id,
        name: account.name,
        ouPath: account.ouPath.join(' / '),
      })),
      accountCount: number(results.inventory.scope.accounts.length),
      regions: results.inventory.scope.regions.join(', '),
      organization: results.inventory.scope.organization
        ? t('cover.organizationWide')
        : t('cover.selectedAccounts'),
      checksRun: number(results.checks.length),
      resultsEvaluated: number(results.results.length),
    },
    summary: {
      intro: t('summary.intro', {
        workload: results.workload,
        accounts: countOf(
          t,
          'accounts',
          results.inventory.scope.accounts.length,
          number(results.inventory.scope.accounts.length),
        ),
        regions: countOf(
          t,
          'regions',
          results.inventory.scope.regions.length,
          number(results.inventory.scope.regions.length),
        ),
        checks: number(results.checks.length),
        date: formatDate(results.inventory.collectedAt, options.language),
      }),
      score: total.score,
      scoreText: scoreText(total.score),
      countsText: t('summary.counts', {
        pass: number(total.pass),
        fail: number(total.fail),
        error: number(total.error),
        na: number(total.notApplicable),
      }),
      highRisks: number(model.highRisks),
      mediumRisks: number(model.mediumRisks),
      openFindings: number(model.openFindings),
      severities: severityItems.map((item) => ({ ...item, countText: number(item.count) })),
      areas: areaRows,
      pillars: pillarRows,
      topFixes: model.topFixes.map((group, index) => ({ ...planRow(group, index), rank: index + 1 })),
    },
    charts: {
      overall: scoreRing(total.score, t('summary.overallScore')),
      severity: donut(
        severityItems.map((item) => ({ label: item.label, value: item.count, color: item.color })),
        { title: t('summary.bySeverity'), centerText: number(model.openFindings) },
      ),
      areas: barChart(
        areaRows.map((item) => ({ label: item.title, value: item.score, valueText: item.scoreText })),
        { max: 100, title: t('summary.byArea') },
      ),
      pillars: barChart(
        pillarRows.map((item) => ({ label: item.title, value: item.score, valueText: item.scoreText })),
        { max: 100, title: t('summary.byPillar') },
      ),
    },
    changes: model.changes
      ? {
          since: t('changes.since', {
            date: formatDate(model.changes.previousEvaluatedAt, options.language),
          }),
          countsText: t('changes.counts', {
            new: number(model.changes.newFindings.length),
            resolved: number(model.changes.resolvedFindings.length),
          }),
          newFindings: model.changes.newFindings.map(findingRow),
          resolvedFindings: model.changes.resolvedFindings.map(findingRow),
          empty: model.changes.newFindings.length + model.changes.resolvedFindings.length === 0,
        }
      : undefined,
    waTool: waToolView(results, options.waTool, t, number),
    areas: model.areas.map((area) => ({
      id: area.id,
      anchor: `area-${area.id}`,
      title: t(`area.${area.id}`),
      scoreText: scoreText(area.score.score),
      scoreColor: scoreColor(area.score.score),
      openText: t('area.openFindings', {
        findings: countOf(t, 'findings', area.findingCount, number(area.findingCount)),
        checks: countOf(t, 'checks', area.groups.length, number(area.groups.length)),
      }),
      empty: area.groups.length === 0,
      checks: area.groups.map(checkView),
    })),
    plan: model.plan.map(planRow),
    coverage: {
      gaps: model.coverageGaps.map((gap) => ({
        accountId: gap.accountId,
        accountName: accountName(gap.accountId),
        region: gap.region === '*' ? t('region.all') : gap.region,
        part: gap.part,
        operation: gap.operation ?? '',
        reason: label(`reason.${gap.reason}`),
        message: gap.message,
      })),
      errors: model.errors.map(findingRow),
      empty: model.coverageGaps.length === 0 && model.errors.length === 0,
    },
    mapping: {
      intro: t('mapping.intro', { lens: lens.name, version: results.lens.version }),
      questions: model.mapping.map((question) => ({
        code: question.code,
        title: question.title,
        pillar: label(`pillar.${question.pillarId}`),
        practices: question.practices.map((practice) => ({
          bestPractice: practice.bestPractice,
          title: practice.choiceTitle,
          risk: practice.risk ? label(`risk.${practice.risk}`) : '',
          status: practice.status,
          statusText:
            practice.status === 'failing'
              ? t('mapping.failing', {
                  count: number(practice.checks.reduce((sum, check) => sum + check.failing, 0)),
                })
              : practice.status === 'passing'
                ? t('mapping.passing')
                : t('mapping.unknown'),
          checks: practice.checks.map((check) => check.title),
        })),
      })),
    },
    suppressed: model.suppressed.map((entry) => ({
      ...findingRow(entry),
      reason: entry.result.suppressed?.reason ?? '',
      expires: entry.result.suppressed?.expires
        ? formatDate(entry.result.suppressed.expires, options.language)
        : t('suppressed.noExpiry'),
    })),
    warnings: results.warnings,
    filters: {
      severities: SEVERITIES.filter((value) =>
        model.severityCounts.some((e) => e.severity === value && e.count > 0),
      ).map(severity),
      areas: model.areas
        .filter((area) => area.groups.length > 0)
        .map((area) => ({ key: area.id, label: t(`area.${area.id}`) })),
      accounts: results.inventory.accounts.map((account) => ({
        key: account.id,
        label: `${account.name} (${account.id})`,
      })),
      totalRows: model.openFindings,
      shownTemplate: t('filter.shown', { shown: '{shown}', total: '{total}' }),
    },
  };
}

export type ReportView = ReturnType<typeof buildView>;
export type { MessageKey, Translate };
