import { useId, type ReactNode } from 'react';

/** One value of a chart: its stable key, its label and the value with its text (formatted by the caller). */
export interface ChartDatum {
  key: string;
  label: string;
  value: number;
  valueText: string;
}

/** Colours of the series and slices, in order (distinct on white, also in grey print). */
export const chartColours = ['#0f5e63', '#d9822b', '#1f4e8c', '#8e3b8a', '#3a8f3e', '#b3261e', '#6b6f00', '#55666a'] as const;

export function chartColour(index: number): string {
  return chartColours[index % chartColours.length] ?? chartColours[0];
}

/**
 * The frame of every chart: a figure named by its caption, an optional description, the
 * drawing (hidden from assistive technology) and the same values in text for everyone.
 */
export function ChartFrame({ title, description, drawing, text, empty }: {
  title: string;
  description?: ReactNode;
  drawing: ReactNode;
  /** The values in words (a list or a table), read instead of the drawing. */
  text: ReactNode;
  /** Shown instead of the drawing when there is nothing to draw. */
  empty?: ReactNode;
}) {
  const id = useId();
  return (
    <figure className="chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} className="chart-title">
        {title}
      </figcaption>
      {description ? <p className="chart-description">{description}</p> : null}
      {empty ?? (
        <>
          <div className="chart-drawing" aria-hidden="true">
            {drawing}
          </div>
          {text}
        </>
      )}
    </figure>
  );
}

/**
 * A readable axis for values up to `max`: a round step (1, 2, 2.5 or 5 × 10ⁿ; whole numbers
 * only when the values are whole) and the top of the axis, a multiple of the step.
 */
export function niceScale(max: number, ticks = 4, whole = false): { top: number; step: number } {
  if (!(max > 0)) return { top: whole ? ticks : 1, step: whole ? 1 : 1 / ticks };
  const raw = max / ticks;
  const power = 10 ** Math.floor(Math.log10(raw));
  const steps = whole ? [1, 2, 5, 10] : [1, 2, 2.5, 5, 10];
  let step = (steps.find((s) => raw <= s * power) ?? 10) * power;
  if (whole) step = Math.max(1, Math.round(step));
  return { top: Math.ceil(max / step - 1e-9) * step, step };
}
