/** The design system: generic, knows no domain, imports no feature. */
export { Button, type ButtonProps, type ButtonVariant } from './button.tsx';
export { FieldFrame } from './field.tsx';
export { TextField, type TextFieldProps } from './text-field.tsx';
export { TextArea, type TextAreaProps } from './text-area.tsx';
export { FileField, type FileFieldProps } from './file-field.tsx';
export { Select, type SelectOption, type SelectProps } from './select.tsx';
export { Checkbox, type CheckboxProps } from './checkbox.tsx';
export { RadioGroup, type RadioOption } from './radio-group.tsx';
export { Alert, type AlertTone } from './alert.tsx';
export { Card } from './card.tsx';
export { Dialog } from './dialog.tsx';
export { Page, Loading, FieldGroup, DocumentTitleSuffix } from './page.tsx';
export { Progress } from './progress.tsx';
export { Table, type Column } from './table.tsx';
export { ChartFrame, chartColour, chartColours, niceScale, type ChartDatum } from './chart.tsx';
export { BarChart } from './bar-chart.tsx';
export { LineChart, type LineSeries } from './line-chart.tsx';
export { PieChart } from './pie-chart.tsx';
