import type { CategoryTag } from './categories.js';

/**
 * What reporters actually write about a problem, per kind of problem: the detail a grid
 * inspector photographs or a caller describes. `{n}` is filled with a small number.
 */
export const DETAILS: Record<CategoryTag, readonly string[]> = {
  waterlogging: ['路面积水约{n}0厘米深', '低洼路段积水，车辆涉水通行', '积水漫上人行道', '雨水口排水不畅，积水迟迟不退'],
  fallen_tree: ['行道树倾斜压在护栏上', '断枝横在车道上', '大树根部松动，有倒伏危险', '倒伏树木挡住非机动车道'],
  billboard: ['广告牌松脱，随风晃动', '店招一角脱落悬空', '户外广告牌锈蚀变形', '楼顶招牌支架松动'],
  vending: ['流动摊贩占用人行道经营', '早餐摊占道摆卖', '水果摊越门经营', '夜市摊档占用车行道'],
  litter: ['垃圾堆放未及时清运', '建筑垃圾被随意倾倒', '绿化带内堆放杂物', '生活垃圾散落一地'],
  parking: ['机动车违停占用人行道', '车辆长时间占用消防通道', '电动车乱停堵塞盲道', '货车占道停放影响通行'],
  road: ['路面出现约{n}平方米坑洼', '人行道砖松动翘起', '路面沉陷开裂', '沥青路面破损，雨后积水'],
  manhole: ['井盖松动，车辆经过有异响', '井盖破损下陷', '井盖缺失，已用锥桶临时围挡', '井盖与路面高差明显'],
  streetlight: ['{n}盏路灯夜间不亮', '路灯白天常亮', '灯杆倾斜', '路灯线路外露'],
  advert: ['墙面张贴大量小广告', '电线杆上涂写联系电话', '公交站牌被乱贴乱画', '护栏上挂满横幅'],
  noise: ['夜间施工噪声扰民', '商铺音响外放声音过大', '广场舞音量过大影响休息', '空调外机噪声持续'],
  construction: ['工地出入口车辆带泥上路', '施工围挡破损', '渣土车未覆盖，沿途撒漏', '工地扬尘明显'],
  drain: ['雨水篦子堵塞', '排水沟淤积发臭', '污水外溢到路面', '下水道反味严重'],
  slope: ['边坡有碎石滚落', '山体出现裂缝', '挡土墙鼓包开裂', '坡面雨后有泥水渗出'],
  power: ['电线低垂影响通行', '配电箱箱门损坏', '电缆外露', '电杆倾斜'],
};

/**
 * Details of categories the tags above miss or lump together (违章搭建 is no building site),
 * by the category codes every generated city pack shares; checked before the tags.
 */
export const CODE_DETAILS: Readonly<Record<string, readonly string[]>> = {
  fire_hydrant: ['消火栓漏水', '消火栓被车辆撞歪', '消火栓箱门缺失'],
  traffic_signal: ['路口信号灯不亮', '信号灯黄灯常闪', '行人信号灯倒计时失灵'],
  traffic_sign: ['交通标志牌被撞弯', '限速牌被树枝遮挡', '指示牌字迹褪色看不清'],
  guardrail: ['中央护栏被撞倒{n}米', '护栏松动倾斜', '人行道护栏缺失一段'],
  bus_shelter: ['候车亭顶棚破损漏雨', '站亭座椅损坏', '站牌灯箱不亮'],
  green_space: ['绿化带被踩踏出小路', '绿地被占用堆放杂物', '草坪被车辆碾压'],
  trash_bin: ['垃圾箱盖板缺失', '垃圾桶破损倾倒', '果皮箱满溢无人清理'],
  public_toilet: ['公厕冲水设备损坏', '公厕洗手池堵塞', '公厕照明不亮'],
  telecom_facility: ['通信线缆垂落', '通信交接箱门敞开', '光缆箱被撞歪'],
  illegal_construction: ['楼顶加建彩钢棚', '占用公共通道搭建棚屋', '违规加建围墙', '首层外扩搭建雨棚'],
  outdoor_burning: ['有人焚烧落叶和杂物', '空地上焚烧垃圾，烟雾较大', '焚烧电线外皮，气味刺鼻'],
  cooking_fumes: ['餐馆油烟直排', '烧烤摊油烟扰民', '排烟管道正对居民窗户'],
  unlicensed_business: ['无证照摊点长期经营', '临街商铺无营业执照', '私设废品收购点'],
  abandoned_vehicle: ['一辆无牌车辆长期停放', '废弃摩托车占用车位', '僵尸车积满灰尘，轮胎漏气'],
  community_dispute: ['邻里因噪声发生争执', '楼上漏水引发纠纷', '占用楼道堆物引发矛盾'],
};

/** Said of any problem, when the category has no kind above or as a second clause. */
export const IMPACTS = ['影响市民正常通行', '存在安全隐患', '周边群众意见较大', '影响周边商户经营', '影响市容环境'] as const;

/** How long a caller says it has lasted. */
export const SINCE = ['两天了', '一周左右', '从昨天开始', '今天早上开始', '好几天了', '有一段时间了'] as const;

/** How a caller ends. */
export const ASKS = ['请尽快处理', '希望有关部门尽快处置', '请相关部门到现场查看', '要求尽快整改', '希望尽快解决'] as const;

/** Sides of a landmark. */
export const SIDES = ['东', '南', '西', '北'] as const;

/** Housing estates common to Chinese towns, named in addresses ("…小区门口"). */
export const ESTATES = ['锦江花园', '金湾小区', '翠湖苑', '东湖新村', '城南花园', '阳光花园', '江景华庭', '富华苑', '金碧湾', '碧海名居'] as const;
