import type { CaseCategory } from '../../shared/schemas/city-pack.js';

const facility = (code: string, name: string, nameEn: string, department: string, deadlineHours: number): CaseCategory => ({
  code,
  name,
  nameEn,
  kind: 'facility',
  department,
  deadlineHours,
});
const incident = (code: string, name: string, nameEn: string, department: string, deadlineHours: number): CaseCategory => ({
  code,
  name,
  nameEn,
  kind: 'incident',
  department,
  deadlineHours,
});

/**
 * Case categories of digital city management: 部件 (facility) and 事件 (incident), each
 * with the department it is dispatched to and its handling deadline. Deadlines are
 * configuration, not law: hazards to life (open manholes, fallen trees, waterlogging) get
 * hours, structural work gets days. Codes double as Open311 `service_code`s.
 */
export const categories: CaseCategory[] = [
  facility('manhole_cover', '井盖破损', 'Damaged manhole cover', 'urban-management', 4),
  facility('manhole_missing', '井盖缺失', 'Missing manhole cover', 'urban-management', 2),
  facility('streetlight', '路灯故障', 'Streetlight out of order', 'urban-management', 48),
  facility('road_damage', '道路破损', 'Road surface damage', 'housing', 72),
  facility('sidewalk_damage', '人行道破损', 'Damaged sidewalk', 'housing', 72),
  facility('drain_blocked', '雨水篦子堵塞', 'Blocked storm drain', 'water', 24),
  facility('fire_hydrant', '消火栓损坏', 'Damaged fire hydrant', 'water', 24),
  facility('traffic_signal', '交通信号灯故障', 'Traffic signal failure', 'traffic-police', 8),
  facility('traffic_sign', '交通标志损坏', 'Damaged traffic sign', 'transport', 72),
  facility('guardrail', '护栏损坏', 'Damaged guardrail', 'transport', 48),
  facility('bus_shelter', '公交站亭损坏', 'Damaged bus shelter', 'transport', 72),
  facility('street_tree', '行道树缺损', 'Missing or damaged street tree', 'landscaping', 120),
  facility('green_space', '绿地破坏', 'Damaged green space', 'landscaping', 72),
  facility('trash_bin', '垃圾箱破损', 'Damaged litter bin', 'sanitation', 48),
  facility('public_toilet', '公厕设施损坏', 'Damaged public toilet', 'sanitation', 48),
  facility('power_facility', '电力设施损坏', 'Damaged power facility', 'power', 12),
  facility('billboard', '广告招牌隐患', 'Unsafe billboard or shop sign', 'urban-management', 12),
  facility('telecom_facility', '通信设施损坏', 'Damaged telecom facility', 'telecom', 48),
  incident('street_vending', '占道经营', 'Street vending', 'urban-management', 4),
  incident('exposed_garbage', '暴露垃圾', 'Exposed garbage', 'sanitation', 4),
  incident('illegal_construction', '违章搭建', 'Illegal construction', 'urban-management', 120),
  incident('waterlogging', '积水内涝', 'Waterlogging', 'water', 4),
  incident('fallen_tree', '树木倒伏', 'Fallen tree', 'landscaping', 4),
  incident('noise_nuisance', '噪声扰民', 'Noise nuisance', 'ecology', 24),
  incident('illegal_ads', '违规广告', 'Illegal advertising', 'urban-management', 24),
  incident('illegal_parking', '车辆乱停放', 'Illegal parking', 'traffic-police', 2),
  incident('shared_bikes', '共享单车乱停放', 'Disorderly shared bikes', 'transport', 4),
  incident('construction_dust', '工地扬尘', 'Construction site dust', 'housing', 24),
  incident('muck_spill', '渣土撒漏', 'Spilled muck on road', 'urban-management', 8),
  incident('sewage_overflow', '污水冒溢', 'Sewage overflow', 'water', 8),
  incident('outdoor_burning', '露天焚烧', 'Open burning', 'ecology', 4),
  incident('cooking_fumes', '餐饮油烟', 'Restaurant cooking fumes', 'ecology', 72),
  incident('unlicensed_business', '无照经营', 'Unlicensed business', 'market', 72),
  incident('abandoned_vehicle', '废弃车辆', 'Abandoned vehicle', 'traffic-police', 72),
  incident('landslide_hazard', '边坡隐患', 'Slope / landslide hazard', 'natural-resources', 12),
  incident('community_dispute', '邻里纠纷', 'Neighbourhood dispute', 'street-office', 48),
];
