import type { ReportModel } from './model.ts';

/** Spreadsheets evaluate a cell that starts with one of these as a formula (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One RFC 4180 field: quoted when it holds a quote, comma or line break; formula starts neutralised. */
export function csvField(value: string | number | boolean | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: readonly (string | number | boolean | null | undefined)[]): string {
  return values.map(csvField).join(',');
}

const COLUMNS = [
  'status',
  'severity',
  'area',
  'pillar',
  'check_id',
  'check_title',
  'account_id',
  'account_name',
  'region',
  'resource_name',
  'resource_type',
  'resource_arn',
  'evidence',
  'suppressed_reason',
  'suppressed_until',
  'effort',
  'downtime',
  'extra_cost',
  'remediation',
  'docs_url',
  'finding_key',
] as const;

/** findings.csv: every failing result (suppressed ones flagged) and every result that could not be evaluated. */
export function renderCsv(model: ReportModel): string {
  const lines = [csvLine(COLUMNS)];
  for (const result of model.results.results) {
    if (result.status !== 'fail' && result.status !== 'error') continue;
    const check = model.checksById.get(result.checkId);
    lines.push(
      csvLine([
        result.status,
        result.severity,
        result.area,
        result.pillar,
        result.checkId,
        check?.title ?? result.checkId,
        result.resource.accountId,
        model.accountNames.get(result.resource.accountId) ?? '',
        result.resource.region,
        result.resource.name,
        result.resource.type ?? '',
        result.resource.arn,
        result.evidence,
        result.suppressed?.reason ?? '',
        result.suppressed?.expires ?? '',
        check?.remediation.effort ?? '',
        check?.remediation.downtime ?? '',
        check?.remediation.extraCost ?? '',
        check?.remediation.summary ?? '',
        check?.docsUrl ?? '',
        result.findingKey,
      ]),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
