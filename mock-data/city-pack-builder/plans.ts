import type { PlanStep, ResponsePlan } from '../../shared/schemas/plan.js';

/** `[id, department, limitMinutes, title, titleEn, done, doneEn]`: a step as the tables below write it. */
type StepRow = [string, string, number, string, string, string, string];

const steps = (rows: StepRow[]): PlanStep[] => rows.map(([id, department, limitMinutes, title, titleEn, done, doneEn]) => ({ id, title, titleEn, department, limitMinutes, done, doneEn }));

/** Warning colour → response level one to one (红色 Ⅰ级 … 蓝色 Ⅳ级). */
const FULL_RANGE = { levels: { from: 'blue', to: 'red' }, responseLevels: { red: 'I', orange: 'II', yellow: 'III', blue: 'IV' } } as const;
/**
 * Yellow to red only, one grade lower: the city's plan tops at Ⅱ级 for a warning, Ⅰ级 being
 * declared for a disaster that has happened (the practice of 地质灾害 and 森林火险 plans).
 */
const WARNING_RANGE = { levels: { from: 'yellow', to: 'red' }, responseLevels: { red: 'II', orange: 'III', yellow: 'IV' } } as const;

/**
 * The city's structured response plans (结构化预案), written after the Guangdong practice of
 * 市级专项应急预案: 防台风 and 防汛 under the 三防指挥部 (its office in the emergency bureau),
 * 地质灾害, 森林防灭火, 危险化学品事故 and 突发公共卫生事件. Departments are ids of
 * departments.ts; limits count from the start of the response.
 */
export function cityPlans(city: { name: string; nameEn: string }): ResponsePlan[] {
  return [
    {
      id: 'typhoon',
      name: `${city.name}防台风应急预案`,
      nameEn: `${city.nameEn} Typhoon Emergency Plan`,
      categories: ['typhoon'],
      ...FULL_RANGE,
      autoActivate: ['red'],
      lead: 'emergency',
      support: ['meteorology', 'water', 'agriculture', 'civil-affairs', 'housing', 'transport', 'power', 'street-office'],
      steps: steps([
        ['order', 'emergency', 30, '发布启动防风应急响应命令，通知三防指挥部成员单位', 'Issue the typhoon response order to the flood, drought and wind command members', '响应命令已印发，成员单位全部签收', 'Order issued and acknowledged by every member unit'],
        ['forecast', 'meteorology', 60, '加密台风监测，每3小时滚动发布台风路径和风雨预报', 'Track the typhoon closely and issue path and wind-rain forecasts every 3 hours', '首份加密预报已发布并推送指挥部', 'First intensified forecast issued to the command'],
        ['boats', 'agriculture', 180, '通知渔船回港避风，海上养殖和作业人员撤离上岸', 'Call fishing boats back to port and bring sea farm and offshore workers ashore', '渔船全部回港或就近避风，海上人员100%上岸，名单核对完毕', 'All boats in shelter, everyone ashore, lists checked'],
        ['evacuate', 'street-office', 240, '转移低洼地、危房、工棚及海边养殖户等危险区域群众', 'Evacuate people from low-lying areas, unsafe houses, work sheds and seaside farms', '逐村（居）上报转移人数，危险区域人员清零', 'Evacuees reported per village, danger zones empty'],
        ['shelters', 'civil-affairs', 180, '开放避护场所，保障转移群众食宿', 'Open shelters with food and bedding for evacuees', '开放场所清单及可容纳人数已上报', 'List of open shelters and their capacity reported'],
        ['sites', 'housing', 240, '在建工地停止户外高空作业，加固塔吊、脚手架和广告牌', 'Stop outdoor work at height on building sites; secure cranes, scaffolding and billboards', '在建工地停工并完成加固检查，检查记录上报', 'Sites stopped and secured, inspection records reported'],
        ['traffic', 'transport', 240, '视情停运渡轮、公交，发布交通管制通告', 'Suspend ferries and buses as needed and announce traffic controls', '停运及管制通告已发布', 'Suspension and traffic control notices published'],
        ['power', 'power', 120, '电力抢修队伍和应急发电车前置待命', 'Pre-position power repair crews and emergency generator trucks', '抢修人员、发电车到位清单已上报', 'Crews and generator trucks in place, list reported'],
        ['dykes', 'water', 120, '巡查水库、海堤，按调度指令预泄腾库', 'Patrol reservoirs and sea dykes and pre-release water as ordered', '重点水库、海堤巡查人员到位，预泄指令已执行', 'Patrols at key reservoirs and dykes, pre-release done'],
      ]),
    },
    {
      id: 'rainstorm-flood',
      name: `${city.name}防汛（暴雨洪涝）应急预案`,
      nameEn: `${city.nameEn} Rainstorm and Flood Emergency Plan`,
      categories: ['rainstorm', 'flood'],
      ...FULL_RANGE,
      autoActivate: ['red'],
      lead: 'emergency',
      support: ['water', 'meteorology', 'natural-resources', 'urban-management', 'traffic-police', 'street-office', 'civil-affairs'],
      steps: steps([
        ['order', 'emergency', 30, '发布启动防汛应急响应命令，三防指挥部成员单位到岗', 'Issue the flood response order; command members report for duty', '响应命令已印发，成员单位值班人员到岗', 'Order issued, members on duty'],
        ['rain', 'meteorology', 60, '加密雨情监测，逐小时发布降雨实况和短临预报', 'Intensify rain monitoring; publish hourly rainfall and nowcasts', '逐小时雨情通报已开始推送', 'Hourly rainfall reports being sent'],
        ['underpass', 'traffic-police', 60, '封闭积水下穿通道和低洼路段，设置警示', 'Close flooded underpasses and low roads and post warnings', '积水点位封闭并设专人值守', 'Flooded spots closed and guarded'],
        ['pumps', 'urban-management', 90, '内涝黑点值守，排水泵站全部开机，清疏雨水口', 'Guard waterlogging black spots, run every pumping station, clear gullies', '泵站运行台账和黑点值守表已上报', 'Pump log and black-spot rota reported'],
        ['rivers', 'water', 120, '巡查水库、河道和堤防，超汛限水位按调度预泄', 'Patrol reservoirs, rivers and levees; release water above flood-limit levels as ordered', '水库、堤防巡查到位，超汛限水库已按令泄洪', 'Patrols in place, reservoirs above limit released'],
        ['evacuate', 'street-office', 180, '转移低洼地、地下空间和山洪危险区群众', 'Move people out of low-lying areas, basements and flash-flood zones', '转移人数逐村（居）上报，危险区人员清零', 'Evacuees reported, danger zones empty'],
        ['slopes', 'natural-resources', 180, '排查地质灾害隐患点和削坡建房点', 'Inspect landslide-prone spots and cut-slope houses', '隐患点巡查记录已上报', 'Inspection records reported'],
      ]),
    },
    {
      id: 'geological',
      name: `${city.name}突发地质灾害应急预案`,
      nameEn: `${city.nameEn} Geological Hazard Emergency Plan`,
      categories: ['geological'],
      ...WARNING_RANGE,
      autoActivate: ['red'],
      lead: 'natural-resources',
      support: ['emergency', 'meteorology', 'housing', 'transport', 'fire-rescue', 'street-office'],
      steps: steps([
        ['order', 'natural-resources', 30, '启动地质灾害应急响应，通知隐患点群测群防员', 'Start the geological hazard response and alert the community monitors of every hazard spot', '响应通知已下发至各镇（街）及群测群防员', 'Notice sent to every town and monitor'],
        ['standby', 'fire-rescue', 60, '救援队伍集结待命', 'Assemble rescue teams on standby', '待命队伍、人数和装备已上报', 'Standby teams, people and equipment reported'],
        ['patrol', 'street-office', 120, '群测群防员到岗，加密隐患点巡查', 'Monitors on post; patrol hazard spots more often', '隐患点巡查全覆盖，巡查记录上报', 'Every hazard spot patrolled, records reported'],
        ['evacuate', 'street-office', 180, '转移受威胁群众，设置警戒', 'Evacuate threatened residents and cordon off the area', '威胁区内人员全部转移，警戒标志设置到位', 'Threatened zone empty, cordon in place'],
        ['experts', 'natural-resources', 180, '派出专家组赴重点隐患点会商研判', 'Send the expert group to key hazard spots to assess', '专家组到场并提交研判意见', 'Experts on site, assessment submitted'],
        ['roads', 'transport', 240, '巡查山区公路边坡，封闭危险路段', 'Inspect mountain road slopes and close dangerous sections', '危险路段封闭通告已发布', 'Closure notice published'],
      ]),
    },
    {
      id: 'forest-fire',
      name: `${city.name}森林火灾应急预案`,
      nameEn: `${city.nameEn} Forest Fire Emergency Plan`,
      categories: ['forest_fire'],
      ...WARNING_RANGE,
      autoActivate: [],
      lead: 'forestry',
      support: ['emergency', 'fire-rescue', 'meteorology', 'public-security', 'street-office'],
      steps: steps([
        ['order', 'forestry', 30, '启动森林防灭火应急响应，通知各镇（街）和林场', 'Start the forest fire response and notify towns and forest farms', '响应通知已下发并签收', 'Notice sent and acknowledged'],
        ['crews', 'fire-rescue', 60, '专业扑火队伍集结，靠前驻防', 'Assemble professional firefighting crews and station them forward', '驻防点位、队伍和装备清单已上报', 'Stations, crews and equipment reported'],
        ['ban', 'public-security', 60, '发布禁火令，严查野外用火', 'Announce the fire ban and enforce it in the field', '禁火令已发布，检查卡点设立', 'Ban announced, checkpoints set'],
        ['patrol', 'street-office', 120, '护林员全员上岗，入山路口设卡检查', 'All forest rangers on patrol; check points at mountain entrances', '护林员到岗率100%，卡点登记表上报', 'Every ranger on duty, checkpoint logs reported'],
        ['watch', 'forestry', 120, '瞭望塔和视频监控24小时值守，热点即报即核', 'Watchtowers and cameras manned 24 h; every hotspot verified at once', '值守排班表已上报，热点核查闭环', 'Rota reported, hotspots verified'],
        ['weather', 'meteorology', 180, '滚动发布森林火险气象等级，适时人工增雨', 'Update the forest fire weather rating; seed clouds when possible', '火险等级预报已发布，作业条件已研判', 'Rating issued, cloud seeding assessed'],
      ]),
    },
    {
      id: 'hazchem',
      name: `${city.name}危险化学品事故应急预案`,
      nameEn: `${city.nameEn} Hazardous Chemicals Accident Emergency Plan`,
      categories: ['hazchem'],
      ...FULL_RANGE,
      autoActivate: ['red', 'orange'],
      lead: 'emergency',
      support: ['fire-rescue', 'ecology', 'public-security', 'traffic-police', 'health', 'street-office'],
      steps: steps([
        ['order', 'emergency', 15, '启动危化品事故应急响应，成立现场指挥部并报告市政府', 'Start the response, set up the on-site command and report to the city government', '现场指挥部成立，首报已报送市政府', 'On-site command set up, first report sent'],
        ['rescue', 'fire-rescue', 30, '处置力量到场侦检，划定警戒区，控制泄漏源', 'Rescue forces on site: detect, set the hot zone, contain the leak', '侦检结果报指挥部，警戒区范围确定', 'Detection reported, hot zone defined'],
        ['cordon', 'public-security', 30, '设立警戒线，疏散无关人员', 'Cordon off the area and clear bystanders', '警戒线设立，警戒区内无关人员清零', 'Cordon set, bystanders cleared'],
        ['roads', 'traffic-police', 45, '周边道路交通管制，保障救援通道', 'Control traffic around the site and keep rescue lanes clear', '管制点位和绕行方案已发布', 'Control points and detours published'],
        ['monitoring', 'ecology', 60, '布设大气、水体应急监测点，报送首份监测数据', 'Set up air and water monitoring points and report first results', '首份应急监测报告已报送', 'First monitoring report sent'],
        ['medical', 'health', 60, '医疗救护队伍到场，伤员分级救治', 'Medical teams on site; triage and treat the injured', '伤员救治情况已报送', 'Casualty report sent'],
        ['downwind', 'street-office', 120, '组织下风向群众疏散转移', 'Evacuate residents downwind', '下风向疏散人数已上报', 'Downwind evacuees reported'],
      ]),
    },
    {
      id: 'public-health',
      name: `${city.name}突发公共卫生事件应急预案`,
      nameEn: `${city.nameEn} Public Health Emergency Plan`,
      categories: ['public_health'],
      ...FULL_RANGE,
      autoActivate: [],
      lead: 'health',
      support: ['market', 'public-security', 'civil-affairs', 'transport', 'street-office'],
      steps: steps([
        ['order', 'health', 60, '启动卫生应急响应，成立应急处置领导小组', 'Start the health emergency response and form the leading group', '响应通知已下发，领导小组名单已确定', 'Notice sent, leading group named'],
        ['report', 'health', 120, '通过突发公共卫生事件报告系统网络直报', 'File the online report to the public health emergency reporting system', '网络直报已完成', 'Online report filed'],
        ['investigation', 'health', 120, '流行病学调查组到场，采样检测', 'Epidemiological team on site, samples taken', '初步流调报告已报送', 'Preliminary investigation report sent'],
        ['treatment', 'health', 180, '指定定点医院，准备救治床位和物资', 'Designate hospitals; ready beds and supplies', '定点医院及可用床位数已上报', 'Hospitals and free beds reported'],
        ['control', 'market', 240, '控制和封存可疑食品、场所', 'Seize suspicious food and close suspect premises', '封存清单已上报', 'Seizure list reported'],
        ['community', 'street-office', 360, '社区排查和健康监测', 'Screen communities and monitor health', '排查人数和异常情况已上报', 'Screening figures reported'],
        ['inform', 'health', 480, '向社会发布权威信息，回应关切', 'Publish official information to the public', '信息发布稿已发布', 'Public statement published'],
      ]),
    },
  ];
}
