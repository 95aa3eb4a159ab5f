import type { DataValueSet } from '@relais/core';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A dataValueSet as ADX XML (urn:ihe:qrph:adx:2015): one group per org unit and
 * attribute option combo, the period as `<start>/<calendar duration>` (`period` is
 * `adxPeriod`'s). DHIS2 reads the group's `attributeOptionCombo` and the value's
 * `categoryOptionCombo` attributes as they are (identifiers of the import's idScheme);
 * no other attribute is written, since DHIS2 would take it for a category.
 * The ADX schema wants at least one group of at least one value: the caller refuses an empty set.
 */
export function toAdx(set: DataValueSet, period: string, exported: Date): string {
  const groups = new Map<string, DataValueSet['dataValues']>();
  for (const v of set.dataValues) {
    const key = `${v.orgUnit}\u0000${v.attributeOptionCombo ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), v]);
  }
  const body = [...groups.values()].map((values) => {
    const { orgUnit, attributeOptionCombo } = values[0]!;
    const attributes = [`orgUnit="${esc(orgUnit)}"`, `period="${esc(period)}"`, ...(set.dataSet ? [`dataSet="${esc(set.dataSet)}"`] : []), ...(attributeOptionCombo ? [`attributeOptionCombo="${esc(attributeOptionCombo)}"`] : [])];
    const lines = values.map((v) => `    <dataValue dataElement="${esc(v.dataElement)}"${v.categoryOptionCombo ? ` categoryOptionCombo="${esc(v.categoryOptionCombo)}"` : ''} value="${esc(v.value)}"/>`);
    return `  <group ${attributes.join(' ')}>\n${lines.join('\n')}\n  </group>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<adx xmlns="urn:ihe:qrph:adx:2015" exported="${exported.toISOString()}">\n${body.join('\n')}\n</adx>\n`;
}
