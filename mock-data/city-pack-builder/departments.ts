import type { Department } from '../../shared/schemas/city-pack.js';

/**
 * The two hubs of digital city management and the departments cases are dispatched to.
 * Ids are stable across cities so categories and integrators can refer to them.
 */
export const departments: Department[] = [
  { id: 'supervision', name: '城市管理监督中心', nameEn: 'Supervision Centre', hub: 'supervision' },
  { id: 'command', name: '城市管理指挥中心', nameEn: 'Command Centre', hub: 'command' },
  { id: 'urban-management', name: '城市管理和综合执法局', nameEn: 'Urban Management and Law Enforcement Bureau', hub: 'department' },
  { id: 'sanitation', name: '环境卫生管理处', nameEn: 'Sanitation Administration', hub: 'department' },
  { id: 'housing', name: '住房和城乡建设局', nameEn: 'Housing and Urban-Rural Development Bureau', hub: 'department' },
  { id: 'transport', name: '交通运输局', nameEn: 'Transport Bureau', hub: 'department' },
  { id: 'traffic-police', name: '公安局交通警察支队', nameEn: 'Traffic Police Detachment', hub: 'department' },
  { id: 'water', name: '水务局', nameEn: 'Water Affairs Bureau', hub: 'department' },
  { id: 'ecology', name: '生态环境局', nameEn: 'Ecology and Environment Bureau', hub: 'department' },
  { id: 'market', name: '市场监督管理局', nameEn: 'Market Regulation Administration', hub: 'department' },
  { id: 'power', name: '供电局', nameEn: 'Power Supply Bureau', hub: 'department' },
  { id: 'landscaping', name: '园林绿化管理所', nameEn: 'Parks and Landscaping Office', hub: 'department' },
  { id: 'natural-resources', name: '自然资源局', nameEn: 'Natural Resources Bureau', hub: 'department' },
  { id: 'emergency', name: '应急管理局', nameEn: 'Emergency Management Bureau', hub: 'department' },
  { id: 'telecom', name: '通信管线运营单位', nameEn: 'Telecom Network Operators', hub: 'department' },
  { id: 'street-office', name: '属地街道（镇）', nameEn: 'Sub-district / Town Office', hub: 'department' },
  // The members of the emergency command (三防、森林防灭火、危化、卫生应急) that response plans name.
  { id: 'meteorology', name: '气象局', nameEn: 'Meteorological Bureau', hub: 'department' },
  { id: 'health', name: '卫生健康局', nameEn: 'Health Commission', hub: 'department' },
  { id: 'forestry', name: '林业局', nameEn: 'Forestry Bureau', hub: 'department' },
  { id: 'fire-rescue', name: '消防救援支队', nameEn: 'Fire and Rescue Detachment', hub: 'department' },
  { id: 'public-security', name: '公安局', nameEn: 'Public Security Bureau', hub: 'department' },
  { id: 'civil-affairs', name: '民政局', nameEn: 'Civil Affairs Bureau', hub: 'department' },
  { id: 'agriculture', name: '农业农村局', nameEn: 'Agriculture and Rural Affairs Bureau', hub: 'department' },
];
