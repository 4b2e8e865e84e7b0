import { economyScreen } from './economy.js';
import { emergencyScreen } from './emergency.js';
import { environmentScreen } from './environment.js';
import { gridScreen } from './grid.js';
import { overviewScreen } from './overview.js';
import type { ScreenDocument } from './schema.js';

/** The big screen's themes in carousel order; the first is the home theme. */
export const SCREENS: readonly ScreenDocument[] = [overviewScreen, gridScreen, emergencyScreen, environmentScreen, economyScreen];
