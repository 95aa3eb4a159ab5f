import { ChartFrame, chartColour, niceScale } from './chart.tsx';

/** One line: its label and a value per point of the axis (null: no value there). */
export interface LineSeries {
  key: string;
  label: string;
  values: readonly (number | null)[];
  valueTexts: readonly string[];
}

const WIDTH = 640;
const HEIGHT = 260;
const AXIS = 56;
const END = 20;
const TOP = 16;
const BOTTOM = 36;
const TICKS = 4;

/**
 * Lines over an ordered axis (time), with a legend and the values as a table for screen readers.
 * The axis runs in the reading direction (`dir`): from the right in Arabic.
 */
export function LineChart({ title, description, points, series, dir, formatTick, emptyText }: {
  title: string;
  description?: string;
  /** Labels of the axis points, in order (e.g. months). */
  points: readonly { key: string; label: string }[];
  series: readonly LineSeries[];
  dir: 'ltr' | 'rtl';
  formatTick: (value: number) => string;
  emptyText: string;
}) {
  const values = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const { top: max, step } = niceScale(Math.max(0, ...values), TICKS, values.every((v) => Number.isInteger(v)));
  const ticks = Math.round(max / step);
  const plotWidth = WIDTH - AXIS - END;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const along = (i: number) => AXIS + (points.length > 1 ? (i * plotWidth) / (points.length - 1) : plotWidth / 2);
  const x = (at: number) => (dir === 'rtl' ? WIDTH - at : at);
  const y = (value: number) => TOP + plotHeight - (value / max) * plotHeight;
  // At most about eight labels under the axis.
  const every = Math.max(1, Math.ceil(points.length / 8));
  const showValues = series.length === 1 && points.length <= 12;
  const empty = points.length === 0 || series.length === 0;
  return (
    <ChartFrame
      title={title}
      description={description}
      empty={empty ? <p className="muted">{emptyText}</p> : undefined}
      drawing={
        <>
          <svg className="chart-svg" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" style={{ direction: dir }} focusable="false">
            {Array.from({ length: ticks + 1 }, (_, i) => {
              const value = step * i;
              return (
                <g key={i}>
                  <line x1={x(AXIS)} x2={x(WIDTH - END)} y1={y(value)} y2={y(value)} className={i === 0 ? 'chart-axis' : 'chart-grid'} />
                  <text x={x(AXIS - 6)} y={y(value) + 4} className="chart-tick" textAnchor="end">
                    {formatTick(value)}
                  </text>
                </g>
              );
            })}
            {points.map((p, i) =>
              i % every === 0 || i === points.length - 1 ? (
                <text key={p.key} x={x(along(i))} y={HEIGHT - BOTTOM + 20} className="chart-tick" textAnchor="middle">
                  {p.label}
                </text>
              ) : null,
            )}
            {series.map((s, si) => {
              const colour = chartColour(si);
              const drawn = s.values.map((v, i) => (v === null ? null : { px: x(along(i)), py: y(v), i }));
              // A gap (no value) breaks the line.
              const runs: { px: number; py: number; i: number }[][] = [];
              let run: { px: number; py: number; i: number }[] = [];
              for (const d of drawn) {
                if (d) run.push(d);
                else if (run.length) {
                  runs.push(run);
                  run = [];
                }
              }
              if (run.length) runs.push(run);
              return (
                <g key={s.key}>
                  {runs.map((r) => (
                    <polyline key={r[0]?.i} points={r.map((d) => `${d.px},${d.py}`).join(' ')} fill="none" stroke={colour} strokeWidth={2.5} />
                  ))}
                  {drawn.map((d) =>
                    d ? (
                      <g key={d.i}>
                        <circle cx={d.px} cy={d.py} r={4} fill={colour} />
                        {showValues ? (
                          <text x={d.px} y={d.py - 9} className="chart-value" textAnchor="middle">
                            {s.valueTexts[d.i]}
                          </text>
                        ) : null}
                      </g>
                    ) : null,
                  )}
                </g>
              );
            })}
          </svg>
          {series.length > 1 ? (
            <ul className="chart-legend">
              {series.map((s, si) => (
                <li key={s.key}>
                  <span className="chart-swatch" style={{ background: chartColour(si) }} />
                  {s.label}
                </li>
              ))}
            </ul>
          ) : null}
        </>
      }
      text={
        // In a hidden box: a table does not shrink to 1px and would widen the page.
        <div className="visually-hidden">
          <table>
            <caption>{title}</caption>
            <thead>
              <tr>
                <td />
                {points.map((p) => (
                  <th key={p.key} scope="col">
                    {p.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {series.map((s) => (
                <tr key={s.key}>
                  <th scope="row">{s.label}</th>
                  {points.map((p, i) => (
                    <td key={p.key}>{s.valueTexts[i] ?? ''}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      }
    />
  );
}
