import type { CaseCategory } from '../../shared/schemas/city-pack.js';
import type { DeadlineClock } from '../../shared/domain/work-calendar.js';
import { WORKING_DAY_HOURS } from './calendar.js';

type Clocked = [deadlineHours: number, clock: DeadlineClock];

/** A deadline in natural hours: the clock runs nights, weekends and holidays. */
const hours = (n: number): Clocked => [n, 'natural'];
/** A deadline of `n` working days of the Guangdong calendar, in its working hours. */
const workingDays = (n: number): Clocked => [n * WORKING_DAY_HOURS, 'working'];

const category =
  (kind: CaseCategory['kind']) =>
  (code: string, name: string, nameEn: string, department: string, [deadlineHours, clock]: Clocked): CaseCategory => ({
    code,
    name,
    nameEn,
    kind,
    department,
    deadlineHours,
    clock,
  });
const facility = category('facility');
const incident = category('incident');

/**
 * Case categories of digital city management: 部件 (facility) and 事件 (incident), each
 * with the department it is dispatched to and its handling deadline. Deadlines are
 * configuration, not law. Hazards to life and nuisances that cannot wait (open manholes,
 * fallen trees, waterlogging, a dead traffic signal, street vending) count natural hours:
 * a crew is on call nights and holidays. Repair works and enforcement that a department
 * schedules in office time (roads, streetlights, green space, illegal construction) count
 * working days of the city calendar, as 数字城管 practice states them (处置时限 N 个工作日).
 * Codes double as Open311 `service_code`s.
 */
export const categories: CaseCategory[] = [
  facility('manhole_cover', '井盖破损', 'Damaged manhole cover', 'urban-management', hours(4)),
  facility('manhole_missing', '井盖缺失', 'Missing manhole cover', 'urban-management', hours(2)),
  facility('streetlight', '路灯故障', 'Streetlight out of order', 'urban-management', workingDays(2)),
  facility('road_damage', '道路破损', 'Road surface damage', 'housing', workingDays(3)),
  facility('sidewalk_damage', '人行道破损', 'Damaged sidewalk', 'housing', workingDays(3)),
  facility('drain_blocked', '雨水篦子堵塞', 'Blocked storm drain', 'water', hours(24)),
  facility('fire_hydrant', '消火栓损坏', 'Damaged fire hydrant', 'water', hours(24)),
  facility('traffic_signal', '交通信号灯故障', 'Traffic signal failure', 'traffic-police', hours(8)),
  facility('traffic_sign', '交通标志损坏', 'Damaged traffic sign', 'transport', workingDays(3)),
  facility('guardrail', '护栏损坏', 'Damaged guardrail', 'transport', workingDays(2)),
  facility('bus_shelter', '公交站亭损坏', 'Damaged bus shelter', 'transport', workingDays(3)),
  facility('street_tree', '行道树缺损', 'Missing or damaged street tree', 'landscaping', workingDays(5)),
  facility('green_space', '绿地破坏', 'Damaged green space', 'landscaping', workingDays(3)),
  facility('trash_bin', '垃圾箱破损', 'Damaged litter bin', 'sanitation', workingDays(2)),
  facility('public_toilet', '公厕设施损坏', 'Damaged public toilet', 'sanitation', workingDays(2)),
  facility('power_facility', '电力设施损坏', 'Damaged power facility', 'power', hours(12)),
  facility('billboard', '广告招牌隐患', 'Unsafe billboard or shop sign', 'urban-management', hours(12)),
  facility('telecom_facility', '通信设施损坏', 'Damaged telecom facility', 'telecom', workingDays(2)),
  incident('street_vending', '占道经营', 'Street vending', 'urban-management', hours(4)),
  incident('exposed_garbage', '暴露垃圾', 'Exposed garbage', 'sanitation', hours(4)),
  incident('illegal_construction', '违章搭建', 'Illegal construction', 'urban-management', workingDays(5)),
  incident('waterlogging', '积水内涝', 'Waterlogging', 'water', hours(4)),
  incident('fallen_tree', '树木倒伏', 'Fallen tree', 'landscaping', hours(4)),
  incident('noise_nuisance', '噪声扰民', 'Noise nuisance', 'ecology', hours(24)),
  incident('illegal_ads', '违规广告', 'Illegal advertising', 'urban-management', workingDays(1)),
  incident('illegal_parking', '车辆乱停放', 'Illegal parking', 'traffic-police', hours(2)),
  incident('shared_bikes', '共享单车乱停放', 'Disorderly shared bikes', 'transport', hours(4)),
  incident('construction_dust', '工地扬尘', 'Construction site dust', 'housing', hours(24)),
  incident('muck_spill', '渣土撒漏', 'Spilled muck on road', 'urban-management', hours(8)),
  incident('sewage_overflow', '污水冒溢', 'Sewage overflow', 'water', hours(8)),
  incident('outdoor_burning', '露天焚烧', 'Open burning', 'ecology', hours(4)),
  incident('cooking_fumes', '餐饮油烟', 'Restaurant cooking fumes', 'ecology', workingDays(3)),
  incident('unlicensed_business', '无照经营', 'Unlicensed business', 'market', workingDays(3)),
  incident('abandoned_vehicle', '废弃车辆', 'Abandoned vehicle', 'traffic-police', workingDays(3)),
  incident('landslide_hazard', '边坡隐患', 'Slope / landslide hazard', 'natural-resources', hours(12)),
  incident('community_dispute', '邻里纠纷', 'Neighbourhood dispute', 'street-office', workingDays(2)),
];
