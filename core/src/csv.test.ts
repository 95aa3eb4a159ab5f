import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv.ts';

describe('the CSV writer', () => {
  it('neutralises text a spreadsheet would run as a formula (OWASP)', () => {
    expect(csvCell("=cmd|' /C calc'!A0")).toBe("'=cmd|' /C calc'!A0");
    expect(csvCell('=HYPERLINK("http://x.example","open")')).toBe(`"'=HYPERLINK(""http://x.example"",""open"")"`);
    for (const start of ['+', '-', '@', '\t', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20']) expect(csvCell(`${start}1+1`)).toBe(`'${start}1+1`);
    expect(csvCell('\r1+1')).toBe(`"'\r1+1"`);
  });

  it('keeps numbers as numbers, negative ones too, and plain text as it is', () => {
    expect(csvCell(-188)).toBe('-188');
    expect(csvCell(0.6667)).toBe('0.6667');
    expect(csvCell('Agadir (AGA)')).toBe('Agadir (AGA)');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell(null)).toBe('');
    expect(toCsv([['a', 1], ['-x', -2]])).toBe("\uFEFFa,1\r\n'-x,-2\r\n");
  });
});
