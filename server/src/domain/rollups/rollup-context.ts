import type { CaseCategory, CityManifest } from '../../../../shared/schemas/city-pack.js';
import { CHINA_OFFSET_MS } from '../../../../shared/domain/time.js';
import { naturalClock, type RollupContext } from './case-contribution.js';

/** The rollups' settings for a city: its categories, local day, registration limit and clocks. */
export function rollupContext(categories: ReadonlyMap<string, CaseCategory>, city?: Pick<CityManifest, 'registrationHours'>): RollupContext {
  return {
    categories,
    utcOffsetMinutes: CHINA_OFFSET_MS / 60_000,
    registrationHours: city?.registrationHours ?? 1,
    ...naturalClock,
  };
}
