/**
 * Reads the Placemarks of a KML document back (htmlparser2 in XML mode), for round-trip tests:
 * each one's folder, name, TimeSpan and ExtendedData values.
 */
import { DomUtils, parseDocument } from 'htmlparser2';
import type { Element } from 'domhandler';

export interface KmlPlacemark {
  id: string;
  folder: string;
  name: string;
  begin: string | null;
  end: string | null;
  data: Record<string, string>;
  coordinates: number[];
}

const child = (el: Element, name: string) => DomUtils.getElementsByTagName(name, el.children, false, 1)[0] as Element | undefined;
const textOf = (el: Element | undefined) => (el ? DomUtils.textContent(el) : null);

export function readKmlPlacemarks(kml: string): KmlPlacemark[] {
  const doc = parseDocument(kml, { xmlMode: true, decodeEntities: true });
  return DomUtils.getElementsByTagName('Placemark', doc, true).map((pm) => {
    const span = child(pm, 'TimeSpan');
    const data = Object.fromEntries(
      DomUtils.getElementsByTagName('Data', pm, true).map((d) => [d.attribs.name, textOf(child(d, 'value')) ?? '']),
    );
    const folder = pm.parent && (pm.parent as Element).name === 'Folder' ? (pm.parent as Element).attribs.id : '';
    return {
      id: pm.attribs.id,
      folder,
      name: textOf(child(pm, 'name')) ?? '',
      begin: span ? textOf(child(span, 'begin')) : null,
      end: span ? textOf(child(span, 'end')) : null,
      data,
      coordinates: (textOf(DomUtils.getElementsByTagName('coordinates', pm, true, 1)[0] as Element | undefined) ?? '').split(',').map(Number),
    };
  });
}
