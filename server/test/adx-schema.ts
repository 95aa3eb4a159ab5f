import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateXML } from 'xmllint-wasm';

/**
 * The ADX schema (IHE QRPH ADX 2015, `adx_loose.xsd` with the SDMX common types it
 * imports), as published in the dhis2/adx repository under IHE2015/schema/: fixtures/adx/.
 */
const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'adx');
const file = (name: string) => ({ fileName: name, contents: fs.readFileSync(path.join(dir, name), 'utf8') });

/** The schema errors of an ADX document (libxml2's xmllint, compiled to WebAssembly); [] when valid. */
export async function validateAdx(xml: string): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: 'export.adx.xml', contents: xml }],
    schema: [file('adx_loose.xsd')],
    preload: [file('sdmx/SDMXCommon.xsd'), file('sdmx/SDMXCommonReferences.xsd'), file('sdmx/xml.xsd')],
  });
  return result.errors.map((e) => e.rawMessage);
}
