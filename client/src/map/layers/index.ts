import { createLayerRegistry } from './registry.js';
import { districtsLayer } from './districts.layer.js';
import { caseHexLayer } from './case-hex.layer.js';
import { alertsLayer } from './alerts.layer.js';
import { waterLayer } from './water.layer.js';
import { airLayer } from './air.layer.js';
import { resourcesLayer } from './resources.layer.js';
import { camerasLayer } from './cameras.layer.js';
import { casesLayer } from './cases.layer.js';

/** Every map layer, registered in drawing order (bottom first): areas under points, cases on top. */
export const mapLayers = createLayerRegistry();
for (const def of [districtsLayer, caseHexLayer, alertsLayer, waterLayer, airLayer, resourcesLayer, camerasLayer, casesLayer]) mapLayers.register(def);
