import { createLayerRegistry } from './registry.js';
import { districtsLayer } from './districts.layer.js';
import { caseHexLayer } from './case-hex.layer.js';
import { alertsLayer } from './alerts.layer.js';
import { waterLayer } from './water.layer.js';
import { airLayer } from './air.layer.js';
import { resourcesLayer } from './resources.layer.js';
import { camerasLayer } from './cameras.layer.js';
import { casesLayer } from './cases.layer.js';

/**
 * Every map layer, registered in drawing order (bottom first): the district fill at the bottom,
 * then points, and the alerts on top (their areas are translucent, their markers must never hide).
 */
export const mapLayers = createLayerRegistry();
for (const def of [districtsLayer, caseHexLayer, waterLayer, airLayer, resourcesLayer, camerasLayer, casesLayer, alertsLayer]) mapLayers.register(def);
