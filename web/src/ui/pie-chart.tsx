import { ChartFrame, chartColour, type ChartDatum } from './chart.tsx';

const SIZE = 220;
const R = 100;
const C = SIZE / 2;

/** The point of the circle at a fraction of the turn from the top, clockwise (LTR) or anticlockwise (RTL). */
function pointAt(fraction: number, dir: 'ltr' | 'rtl'): [number, number] {
  const angle = 2 * Math.PI * fraction * (dir === 'rtl' ? -1 : 1) - Math.PI / 2;
  return [C + R * Math.cos(angle), C + R * Math.sin(angle)];
}

/**
 * Shares of a whole: one slice per value (from the top, in the reading direction), and a legend
 * that gives each label, its value and its share in text. `shareText` formats a fraction (0–1).
 */
export function PieChart({ title, description, data, dir, shareText, emptyText }: {
  title: string;
  description?: string;
  data: readonly ChartDatum[];
  dir: 'ltr' | 'rtl';
  shareText: (fraction: number) => string;
  emptyText: string;
}) {
  const shown = data.filter((d) => d.value > 0);
  const sum = shown.reduce((n, d) => n + d.value, 0);
  let at = 0;
  const slices = shown.map((d, i) => {
    const from = at;
    const fraction = d.value / sum;
    at += fraction;
    return { d, i, from, to: at, fraction };
  });
  return (
    <ChartFrame
      title={title}
      description={description}
      empty={sum > 0 ? undefined : <p className="muted">{emptyText}</p>}
      drawing={
        <svg className="chart-svg chart-pie" viewBox={`0 0 ${SIZE} ${SIZE}`} width={SIZE} height={SIZE} focusable="false">
          {slices.map(({ d, i, from, to, fraction }) => {
            if (fraction >= 0.9999) return <circle key={d.key} cx={C} cy={C} r={R} fill={chartColour(i)} />;
            const [x1, y1] = pointAt(from, dir);
            const [x2, y2] = pointAt(to, dir);
            const large = fraction > 0.5 ? 1 : 0;
            const sweep = dir === 'rtl' ? 0 : 1;
            return <path key={d.key} d={`M${C},${C} L${x1},${y1} A${R},${R} 0 ${large} ${sweep} ${x2},${y2} Z`} fill={chartColour(i)} stroke="#fff" strokeWidth={1.5} />;
          })}
        </svg>
      }
      text={
        <ul className="chart-legend chart-legend-list">
          {slices.map(({ d, i, fraction }) => (
            <li key={d.key}>
              <span className="chart-swatch" style={{ background: chartColour(i) }} aria-hidden="true" />
              <span className="chart-legend-label">{d.label}</span>
              <span className="chart-legend-value">
                {d.valueText} ({shareText(fraction)})
              </span>
            </li>
          ))}
        </ul>
      }
    />
  );
}
