import type { Sender } from '../../shared/schemas/city-pack.js';
import { CITY_ENV_SENDER, CITY_WARNING_SENDER } from '../../shared/schemas/alert.js';

/** Who sends a city's warnings: its official issuers, the city's own environment rules and the warnings the city publishes itself. */
export type SenderRole = 'weather' | 'emergency' | 'natural_resources' | 'environment' | 'publisher';

/**
 * The CAP senders of a city (Guangdong naming) with their human names: the pack's
 * `senders.json`, and the identities the simulator sends its warnings under, so the two
 * always agree.
 */
export function citySenders(city: { adcode: string; name: string; nameEn?: string }): Record<SenderRole, Sender> {
  const en = (what: string) => (city.nameEn ? { nameEn: `${city.nameEn} ${what}` } : {});
  return {
    weather: { id: `qxt-${city.adcode}@gd.cma.gov.cn`, name: `${city.name}气象台`, ...en('Meteorological Observatory') },
    emergency: { id: `yjj-${city.adcode}@gd.gov.cn`, name: `${city.name}应急管理局`, ...en('Emergency Management Bureau') },
    natural_resources: { id: `zrzy-${city.adcode}@gd.gov.cn`, name: `${city.name}自然资源局`, ...en('Natural Resources Bureau') },
    environment: { id: CITY_ENV_SENDER, name: `${city.name}城市运行平台·环境监测`, ...en('City Cockpit · environment monitoring') },
    publisher: { id: CITY_WARNING_SENDER, name: `${city.name}突发事件预警信息发布中心`, ...en('Emergency Warning Release Centre') },
  };
}
