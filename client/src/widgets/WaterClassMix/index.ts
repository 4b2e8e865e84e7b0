import { z } from 'zod';
import { defineWidget } from '../registry.js';
import WaterClassMix from './WaterClassMix.vue';

/** Water sections by GB 3838 class, with the III-or-better share (水质类别构成). */
export const waterClassMixWidget = defineWidget({
  type: 'water-class-mix',
  titleKey: 'widgets.waterClassMix.title',
  component: WaterClassMix,
  options: z.object({}),
  sources: () => ['water'],
  drill: true,
});
