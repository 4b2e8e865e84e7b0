import type { CityProfile, DistrictProfile, ResourceSpec } from './types.js';

/** A district known only by its seat; the builder adds compass-named areas around it. */
const d = (adcode: string, nameEn: string, short: string, seatName: string, anchors: DistrictProfile['anchors'] = [], hilly = false): DistrictProfile => ({
  adcode,
  nameEn,
  short,
  seatName,
  anchors,
  hilly,
});
/** The same in hill country. */
const h = (adcode: string, nameEn: string, short: string, seatName: string): DistrictProfile => d(adcode, nameEn, short, seatName, [], true);

/** City-level depots and services, placed around the core district's seat. */
const core = (city: string, district: string): ResourceSpec[] => [
  { type: 'rescue_team', name: `${city}综合应急救援支队`, district, capacity: 150 },
  { type: 'warehouse', name: `${city}应急物资储备库`, district },
  { type: 'medical', name: `${city}人民医院`, district, capacity: 1500 },
  { type: 'medical', name: `${city}中医院`, district, capacity: 800 },
  { type: 'fire_station', name: `${city}消防救援支队特勤站`, district, capacity: 60 },
];

/**
 * The other cities of the plans the product answers. Names are generic but sensible: the
 * seats and rivers are real, coastal towns are placed approximately, everything else
 * gathers around the seats or in compass-named parts of each district.
 */
export const jieyang: CityProfile = {
  adcode: '445200',
  nameEn: 'Jieyang',
  population: 5_577_814,
  phoneAreaCode: '0663',
  districts: [
    d('445202', 'Rongcheng District', '榕城', '榕华'),
    d('445203', 'Jiedong District', '揭东', '曲溪'),
    h('445222', 'Jiexi County', '揭西', '河婆'),
    d('445224', 'Huilai County', '惠来', '惠城', [
      { name: '神泉', at: [116.25, 22.95], level: 'town', tags: ['coast', 'port'] },
      { name: '靖海', at: [116.52, 22.97], level: 'town', tags: ['coast', 'port'] },
    ]),
    h('445281', 'Puning', '普宁', '流沙'),
  ],
  waterSections: [
    { name: '榕江榕城断面', district: '445202', targetClass: 'III', waterBody: 'river' },
    { name: '榕江北河揭东断面', district: '445203', targetClass: 'III', waterBody: 'river' },
    { name: '榕江南河河婆断面', district: '445222', targetClass: 'II', waterBody: 'river' },
    { name: '龙江惠来断面', district: '445224', targetClass: 'III', waterBody: 'river' },
    { name: '练江普宁断面', district: '445281', targetClass: 'IV', waterBody: 'river' },
  ],
  extraResources: core('揭阳市', '445202'),
};

export const shanwei: CityProfile = {
  adcode: '441500',
  nameEn: 'Shanwei',
  population: 2_672_819,
  phoneAreaCode: '0660',
  districts: [
    d('441502', 'Chengqu District', '汕尾城区', '香洲', [
      { name: '遮浪', at: [115.57, 22.655], level: 'street', tags: ['coast', 'scenic'] },
      { name: '马宫', at: [115.25, 22.8], level: 'street', tags: ['coast', 'port'] },
    ]),
    d('441521', 'Haifeng County', '海丰', '海城', [{ name: '鲘门', at: [115.17, 22.81], level: 'town', tags: ['coast', 'port'] }], true),
    h('441523', 'Luhe County', '陆河', '河田'),
    d('441581', 'Lufeng', '陆丰', '东海', [
      { name: '碣石', at: [115.83, 22.82], level: 'town', tags: ['coast', 'port'] },
      { name: '甲子', at: [116.07, 22.87], level: 'town', tags: ['coast', 'port'] },
    ]),
  ],
  waterSections: [
    { name: '黄江海丰断面', district: '441521', targetClass: 'III', waterBody: 'river' },
    { name: '螺河河田断面', district: '441523', targetClass: 'II', waterBody: 'river' },
    { name: '螺河陆丰断面', district: '441581', targetClass: 'III', waterBody: 'river' },
  ],
  extraResources: core('汕尾市', '441502'),
};

export const jiangmen: CityProfile = {
  adcode: '440700',
  nameEn: 'Jiangmen',
  population: 4_798_090,
  phoneAreaCode: '0750',
  districts: [
    d('440703', 'Pengjiang District', '蓬江', '环市'),
    d('440704', 'Jianghai District', '江海', '江南'),
    d('440705', 'Xinhui District', '新会', '会城', [{ name: '崖门', at: [113.08, 22.27], level: 'town', tags: ['coast', 'river'] }]),
    d(
      '440781',
      'Taishan',
      '台山',
      '台城',
      [
        { name: '广海', at: [112.78, 21.96], level: 'town', tags: ['coast', 'port'] },
        { name: '上川岛', at: [112.77, 21.7], level: 'place', tags: ['island', 'coast', 'scenic'] },
      ],
      true,
    ),
    h('440783', 'Kaiping', '开平', '三埠'),
    h('440784', 'Heshan', '鹤山', '沙坪'),
    h('440785', 'Enping', '恩平', '恩城'),
  ],
  waterSections: [
    { name: '江门河蓬江断面', district: '440703', targetClass: 'III', waterBody: 'river' },
    { name: '西江江海断面', district: '440704', targetClass: 'II', waterBody: 'river' },
    { name: '潭江新会断面', district: '440705', targetClass: 'III', waterBody: 'river' },
    { name: '台城河台城断面', district: '440781', targetClass: 'III', waterBody: 'river' },
    { name: '潭江开平断面', district: '440783', targetClass: 'III', waterBody: 'river' },
    { name: '西江鹤山断面', district: '440784', targetClass: 'II', waterBody: 'river' },
    { name: '锦江恩城断面', district: '440785', targetClass: 'II', waterBody: 'river' },
  ],
  extraResources: core('江门市', '440703'),
};

export const shaoguan: CityProfile = {
  adcode: '440200',
  nameEn: 'Shaoguan',
  population: 2_855_131,
  phoneAreaCode: '0751',
  districts: [
    h('440203', 'Wujiang District', '武江', '新华'),
    h('440204', 'Zhenjiang District', '浈江', '东河'),
    h('440205', 'Qujiang District', '曲江', '马坝'),
    h('440222', 'Shixing County', '始兴', '太平'),
    h('440224', 'Renhua County', '仁化', '丹霞'),
    h('440229', 'Wengyuan County', '翁源', '龙仙'),
    h('440232', 'Ruyuan Yao Autonomous County', '乳源', '乳城'),
    h('440233', 'Xinfeng County', '新丰', '丰城'),
    h('440281', 'Lechang', '乐昌', '乐城'),
    h('440282', 'Nanxiong', '南雄', '雄州'),
  ],
  waterSections: [
    { name: '武江武江断面', district: '440203', targetClass: 'II', waterBody: 'river' },
    { name: '浈江浈江断面', district: '440204', targetClass: 'II', waterBody: 'river' },
    { name: '北江曲江断面', district: '440205', targetClass: 'II', waterBody: 'river' },
    { name: '墨江始兴断面', district: '440222', targetClass: 'II', waterBody: 'river' },
    { name: '锦江仁化断面', district: '440224', targetClass: 'II', waterBody: 'river' },
    { name: '滃江翁源断面', district: '440229', targetClass: 'II', waterBody: 'river' },
    { name: '南水乳源断面', district: '440232', targetClass: 'II', waterBody: 'river' },
    { name: '新丰江新丰断面', district: '440233', targetClass: 'II', waterBody: 'river' },
    { name: '武江乐昌断面', district: '440281', targetClass: 'II', waterBody: 'river' },
    { name: '浈江南雄断面', district: '440282', targetClass: 'II', waterBody: 'river' },
  ],
  extraResources: core('韶关市', '440204'),
};
