/** Names of the interface's few icons (navigation); each is a 24×24 line drawing. */
export type IconName = 'home' | 'contact' | 'people' | 'person-add' | 'chart' | 'menu' | 'chevron-down' | 'close' | 'check';

const paths: Record<IconName, string> = {
  home: 'M3 11.5 12 4l9 7.5M5.5 9.5V20h5v-5.5h3V20h5V9.5',
  contact: 'M5 4h14v16H5zM8.5 9h7M8.5 12.5h7M8.5 16h4',
  people: 'M9 11a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7zM2.5 20c.6-3.4 3.2-5.5 6.5-5.5s5.9 2.1 6.5 5.5M16 4.3a3.5 3.5 0 0 1 0 6.4M18 14.8c1.9.8 3.1 2.6 3.5 5.2',
  'person-add': 'M10 11a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7zM3.5 20c.6-3.4 3.2-5.5 6.5-5.5 1.4 0 2.7.4 3.7 1.1M18 13v7M14.5 16.5h7',
  chart: 'M4 20V4M4 20h16M8 16v-5M12 16V8M16 16v-3',
  menu: 'M4 7h16M4 12h16M4 17h16',
  'chevron-down': 'M6 9.5 12 15.5 18 9.5',
  close: 'M6 6 18 18M18 6 6 18',
  check: 'M5 12.5 10 17.5 19 7',
};

/** A decorative 24×24 line drawing of one path (hidden from screen readers: the text beside it names it). */
export function LineDrawing({ d, className, size }: { d: string; className: string; size: number }) {
  return (
    <svg className={className} width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
      <path d={d} />
    </svg>
  );
}

/** A decorative icon (hidden from screen readers: the text beside it names the action). */
export function Icon({ name, size = 24 }: { name: IconName; size?: number }) {
  return <LineDrawing className="icon" d={paths[name]} size={size} />;
}
