import { alertsSection } from './alerts.section.js';
import { casesSection } from './cases.section.js';
import { dispatchSection } from './dispatch.section.js';
import { eventsSection } from './events.section.js';
import { openItemsSection } from './open-items.section.js';
import { overdueSection } from './overdue.section.js';
import { plansSection } from './plans.section.js';
import type { SectionBuilder } from './section.js';

/**
 * The sections of the handover report (值班日报 / 交接班记录), in the order it prints them. A
 * new section is one file beside
 * these, written with `defineSection` (section.ts), and one entry here: a stored section carries
 * its own labels, so the desk, the print page and the CSV show it without another change.
 */
export const HANDOVER_SECTIONS: readonly SectionBuilder[] = [alertsSection, plansSection, dispatchSection, casesSection, overdueSection, eventsSection, openItemsSection];
