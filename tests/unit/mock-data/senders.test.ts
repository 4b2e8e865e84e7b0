import { describe, expect, it } from 'vitest';
import { loadCityPack } from '../../../server/src/city/city-pack.js';
import { issuer } from '../../../mock-data/generators/alert-factory.js';
import { CITY_ENV_SENDER } from '../../../shared/schemas/alert.js';

describe('city pack senders', () => {
  it('name every sender the simulator warns under, and the city environment rules, in both languages', async () => {
    const pack = await loadCityPack('441700');
    const city = { adcode: '441700', name: pack.manifest.name } as Parameters<typeof issuer>[0];
    for (const who of ['weather', 'emergency', 'natural_resources'] as const) {
      const { sender, senderName } = issuer(city, who);
      expect(pack.senders.find((s) => s.id === sender)).toMatchObject({ name: senderName, nameEn: expect.any(String) });
    }
    expect(pack.senders.find((s) => s.id === CITY_ENV_SENDER)?.name).toContain('环境监测');
    expect(pack.senders.find((s) => s.id === 'qxt-441700@gd.cma.gov.cn')).toEqual({ id: 'qxt-441700@gd.cma.gov.cn', name: '阳江市气象台', nameEn: 'Yangjiang Meteorological Observatory' });
  });
});
