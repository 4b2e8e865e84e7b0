import type { Bilingual } from '../../../../../shared/contracts/handover.js';
import type { CaseStatus } from '../../../../../shared/domain/lifecycle.js';

/** The case stages as a label column's labels (GB/T 30428 names). */
export const STAGE_LABELS: Record<CaseStatus, Bilingual> = {
  reported: { zh: '信息采集', en: 'Reported' },
  registered: { zh: '案卷建立', en: 'Registered' },
  dispatched: { zh: '任务派遣', en: 'Dispatched' },
  in_progress: { zh: '任务处理', en: 'In progress' },
  feedback: { zh: '处理反馈', en: 'Feedback' },
  closed: { zh: '核查结案', en: 'Closed' },
  evaluated: { zh: '综合评价', en: 'Evaluated' },
  rejected: { zh: '不予立案', en: 'Rejected' },
};
