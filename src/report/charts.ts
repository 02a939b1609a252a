/**
 * Inline SVG charts for the summary: generated here so the report needs no chart library and no
 * network. Every label passes through escapeXml; callers hand in numbers and plain text only.
 */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

export const SEVERITY_COLORS: Record<string, string> = {
  critical: '#7b1e1e',
  high: '#c0392b',
  medium: '#e07b00',
  low: '#c9a400',
  informational: '#6b7b8c',
};

/** Score colour bands: red below 50, amber below 80, green above. */
export function scoreColor(score: number | null): string {
  if (score === null) return '#9aa5b1';
  if (score < 50) return '#c0392b';
  if (score < 80) return '#e07b00';
  return '#2e7d32';
}

/** A ring showing one percentage with the number in the middle. */
export function scoreRing(score: number | null, label: string): string {
  const radius = 52;
  const circumference = 2 * Math.PI * radius;
  const filled = score === null ? 0 : (circumference * score) / 100;
  const text = score === null ? '–' : `${score}`;
  return [
    `<svg class="chart ring" viewBox="0 0 140 140" width="140" height="140" role="img" aria-label="${escapeXml(label)}: ${escapeXml(text)}">`,
    `<circle cx="70" cy="70" r="${radius}" fill="none" stroke="#e6e9ee" stroke-width="14"/>`,
    `<circle cx="70" cy="70" r="${radius}" fill="none" stroke="${scoreColor(score)}" stroke-width="14" stroke-linecap="round"`,
    ` stroke-dasharray="${filled.toFixed(2)} ${circumference.toFixed(2)}" transform="rotate(-90 70 70)"/>`,
    `<text x="70" y="78" text-anchor="middle" font-size="30" font-weight="700" fill="#1c2733">${escapeXml(text)}</text>`,
    score === null
      ? ''
      : `<text x="70" y="98" text-anchor="middle" font-size="11" fill="#5b6775">/ 100</text>`,
    '</svg>',
  ].join('');
}

export interface BarItem {
  label: string;
  /** 0..100 for scores, any non-negative number for counts; null draws an empty, labelled bar. */
  value: number | null;
  color?: string;
  valueText?: string;
}

/** Horizontal bars with labels on the left and values on the right; `max` scales the bars. */
export function barChart(items: readonly BarItem[], options: { max: number; title: string }): string {
  const rowHeight = 26;
  // Room for the longest label at about 6.8 px per character of 12 px sans-serif.
  const longest = Math.max(0, ...items.map((item) => item.label.length));
  const labelWidth = Math.min(420, Math.max(140, Math.ceil(longest * 6.8) + 16));
  // A fixed overall width, so every bar chart on the page is drawn at the same scale.
  const width = 640;
  const barWidth = width - labelWidth - 60;
  const height = Math.max(rowHeight * items.length, rowHeight);
  const rows = items.map((item, index) => {
    const y = index * rowHeight;
    const share = item.value === null || options.max <= 0 ? 0 : Math.min(item.value / options.max, 1);
    const color = item.color ?? scoreColor(item.value);
    const valueText = item.valueText ?? (item.value === null ? '–' : String(item.value));
    return [
      `<text x="${labelWidth - 10}" y="${y + 17}" text-anchor="end" font-size="12" fill="#1c2733">${escapeXml(item.label)}</text>`,
      `<rect x="${labelWidth}" y="${y + 5}" width="${barWidth}" height="15" rx="3" fill="#eef1f4"/>`,
      share > 0
        ? `<rect x="${labelWidth}" y="${y + 5}" width="${(barWidth * share).toFixed(1)}" height="15" rx="3" fill="${color}"/>`
        : '',
      `<text x="${labelWidth + barWidth + 8}" y="${y + 17}" font-size="12" font-weight="600" fill="#1c2733">${escapeXml(valueText)}</text>`,
    ].join('');
  });
  return `<svg class="chart bars" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeXml(options.title)}">${rows.join('')}</svg>`;
}

/** A donut of counts by category with the total in the middle; the legend is left to the page. */
export function donut(items: readonly BarItem[], options: { title: string; centerText: string }): string {
  const radius = 50;
  const circumference = 2 * Math.PI * radius;
  const total = items.reduce((sum, item) => sum + (item.value ?? 0), 0);
  let offset = 0;
  const arcs = items
    .filter((item) => (item.value ?? 0) > 0)
    .map((item) => {
      const length = (circumference * (item.value ?? 0)) / total;
      const arc = `<circle cx="70" cy="70" r="${radius}" fill="none" stroke="${item.color ?? '#888'}" stroke-width="18" stroke-dasharray="${length.toFixed(2)} ${(circumference - length).toFixed(2)}" stroke-dashoffset="${(-offset).toFixed(2)}" transform="rotate(-90 70 70)"/>`;
      offset += length;
      return arc;
    });
  return [
    `<svg class="chart donut" viewBox="0 0 140 140" width="140" height="140" role="img" aria-label="${escapeXml(options.title)}">`,
    `<circle cx="70" cy="70" r="${radius}" fill="none" stroke="#e6e9ee" stroke-width="18"/>`,
    ...arcs,
    `<text x="70" y="77" text-anchor="middle" font-size="24" font-weight="700" fill="#1c2733">${escapeXml(options.centerText)}</text>`,
    '</svg>',
  ].join('');
}
