import { describe, expect, it } from 'vitest';
import { barChart, donut, escapeXml, scoreColor, scoreRing } from '../../src/report/charts.ts';

describe('inline SVG charts', () => {
  it.each([
    [null, '#9aa5b1'],
    [0, '#c0392b'],
    [49, '#c0392b'],
    [50, '#e07b00'],
    [79, '#e07b00'],
    [80, '#2e7d32'],
    [100, '#2e7d32'],
  ])('colours score %j as %s', (score, color) => {
    expect(scoreColor(score)).toBe(color);
  });

  it.each([
    [
      'a bar chart label',
      () => barChart([{ label: '<script>x</script>', value: 40 }], { max: 100, title: 't' }),
    ],
    ['a bar chart title', () => barChart([], { max: 100, title: '"><img src=x>' })],
    ['a donut title', () => donut([{ label: 'a', value: 1 }], { title: '<b>', centerText: '&' })],
    ['a ring label', () => scoreRing(50, '<i>')],
  ])('escapes %s', (_name, draw) => {
    expect(draw()).not.toMatch(/<(script|img|b|i)[\s>]/);
  });

  it('draws bars in proportion to the value', () => {
    const svg = barChart(
      [
        { label: 'half', value: 50 },
        { label: 'full', value: 100 },
        { label: 'none', value: null },
      ],
      { max: 100, title: 'scores' },
    );
    const widths = [...svg.matchAll(/<rect [^>]*width="([\d.]+)"[^>]*fill="#(?!eef1f4)/g)].map((m) =>
      Number(m[1]),
    );
    expect(widths).toHaveLength(2);
    expect(widths[1]).toBeCloseTo(2 * widths[0]!, 0);
    expect(svg).toContain('>–</text>');
  });

  it('escapes the five XML specials', () => {
    expect(escapeXml(`<&>"'`)).toBe('&#60;&#38;&#62;&#34;&#39;');
  });
});
