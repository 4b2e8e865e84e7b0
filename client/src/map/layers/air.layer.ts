import { airDetails, airFeature, airLegend } from './air.mapping.js';
import { stationLayer } from './station-layer.js';

/** 空气质量: air stations coloured by the AQI category of their latest reading (HJ 633). */
export const airLayer = stationLayer({ id: 'air', feature: airFeature, details: airDetails, legend: airLegend, ring: '#ffffff' });
