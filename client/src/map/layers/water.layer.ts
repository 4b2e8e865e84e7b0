import { waterDetails, waterFeature, waterLegend } from './water.mapping.js';
import { stationLayer } from './station-layer.js';

/** 水质断面: water sections coloured by the GB 3838 class of their latest reading. */
export const waterLayer = stationLayer({ id: 'water', feature: waterFeature, details: waterDetails, legend: waterLegend, ring: '#0b3a66' });
