import { ChartFrame, chartColour, type ChartDatum } from './chart.tsx';

const WIDTH = 640;
const ROW = 44;
const LABEL = 16;
const BAR = 16;
const VALUE_ROOM = 96;

/**
 * Horizontal bars, one per value, each under its label with its value at the bar's end.
 * Bars grow from the reading side (`dir`): from the right in Arabic.
 */
export function BarChart({ title, description, data, dir, emptyText }: {
  title: string;
  description?: string;
  data: readonly ChartDatum[];
  dir: 'ltr' | 'rtl';
  emptyText: string;
}) {
  const max = Math.max(0, ...data.map((d) => d.value));
  const room = WIDTH - VALUE_ROOM;
  const height = data.length * ROW + 4;
  const x = (at: number) => (dir === 'rtl' ? WIDTH - at : at);
  return (
    <ChartFrame
      title={title}
      description={description}
      empty={data.length === 0 ? <p className="muted">{emptyText}</p> : undefined}
      drawing={
        <svg className="chart-svg" viewBox={`0 0 ${WIDTH} ${height}`} width="100%" style={{ direction: dir }} focusable="false">
          {data.map((d, i) => {
            const top = i * ROW;
            const length = max > 0 ? Math.max(d.value > 0 ? 2 : 0, (d.value / max) * room) : 0;
            const start = x(0);
            const end = x(length);
            return (
              <g key={d.key}>
                <text x={start} y={top + LABEL - 3} className="chart-label" textAnchor="start">
                  {d.label}
                </text>
                <rect x={Math.min(start, end)} y={top + LABEL + 2} width={length} height={BAR} rx={3} fill={chartColour(0)} />
                <text x={x(length + 6)} y={top + LABEL + BAR - 1} className="chart-value" textAnchor="start">
                  {d.valueText}
                </text>
              </g>
            );
          })}
        </svg>
      }
      text={
        <dl className="visually-hidden">
          {data.map((d) => (
            <div key={d.key}>
              <dt>{d.label}</dt>
              <dd>{d.valueText}</dd>
            </div>
          ))}
        </dl>
      }
    />
  );
}
