import { toCapXml } from '../../../../shared/cap/build-cap.js';
import { parseCap } from '../../../../server/src/ingest/cap.adapter.js';
const xml = toCapXml({ sourceId: 'GD-001', sender: 'gd-weather@cma.gov.cn', sent: new Date('2026-07-01T00:00:00Z').toISOString(), category: 'typhoon', event: '台风橙色预警', level: 'orange', urgency: 'Expected', certainty: 'Likely', headline: '阳江市气象台发布台风橙色预警信号', areas: [{ areaDesc: '阳江市', polygons: [[[111.8, 21.7], [112.1, 21.7], [112.1, 22.0], [111.8, 21.7]]], circles: [{ lon: 111.9, lat: 21.8, radiusKm: 30 }], geocodes: [{ valueName: 'adcode', value: '441700' }] }], references: ['x'], translations: [{ language: 'en-US', event: 'Typhoon orange warning' }] });
console.log(xml);
console.log(JSON.stringify(parseCap(xml), null, 1));
try { parseCap('<a><b></a>'); } catch (e: any) { console.log(e.status, JSON.stringify(e.toJSON())); }
try { parseCap(xml.replace('<severity>Severe</severity>', '').replace('<status>Actual</status>','<status>actual</status>')); } catch (e: any) { console.log(e.status, JSON.stringify(e.toJSON())); }
