import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { HandoverReport } from '../../../../shared/contracts/handover.js';
import ReportBody from '../../../../client/src/handover/ReportBody.vue';
import { formOf, fromWall, inputOf, toWall } from '../../../../client/src/handover/shift-form.js';
import { i18n } from '../../../../client/src/i18n/index.js';

afterEach(() => {
  i18n.global.locale.value = 'zh-CN';
});

/** A report with a section the client has never heard of, as the plans or dispatch section will be. */
const report: HandoverReport = {
  id: 'r1',
  shift: {
    id: 's1',
    startsAt: '2026-12-07T00:30:00.000Z',
    endsAt: '2026-12-07T09:30:00.000Z',
    leader: { name: 'leader' },
    officers: [{ name: 'duty' }],
    note: null,
    updatedBy: 'admin',
    updatedAt: '2026-12-07T00:00:00.000Z',
  },
  windowFrom: '2026-12-07T00:30:00.000Z',
  windowTo: '2026-12-07T09:30:00.000Z',
  drills: [],
  sections: [
    {
      id: 'plans',
      title: { zh: '预案启动情况', en: 'Plans activated' },
      figures: [{ key: 'activated', zh: '启动预案', en: 'Activated', value: 2 }],
      tables: [
        {
          key: 'plans',
          title: { zh: '预案明细', en: 'Plans' },
          drill: false,
          columns: [
            { key: 'at', kind: 'time', zh: '启动时间', en: 'Activated' },
            { key: 'level', kind: 'label', zh: '响应级别', en: 'Response', labels: { II: { zh: 'Ⅱ级', en: 'Level II' } } },
            { key: 'late', kind: 'minutes', zh: '超时', en: 'Late by' },
          ],
          rows: [{ at: '2026-12-07T02:05:00.000Z', level: 'II', late: 15 }],
        },
        { key: 'plans.drill', title: { zh: '预案明细（演练）', en: 'Plans (drill)' }, drill: true, columns: [{ key: 'at', kind: 'time', zh: '启动时间', en: 'Activated' }], rows: [] },
      ],
    },
  ],
  note: null,
  submittedBy: 'duty',
  submittedAt: '2026-12-07T09:30:00.000Z',
  signedBy: null,
  signedAt: null,
  signComment: null,
};

describe('handover report body', () => {
  it('renders any section from the labels it carries: Beijing times, labelled codes, minutes, drill tables marked', () => {
    const w = mount(ReportBody, { props: { report }, global: { plugins: [i18n] } });
    expect(w.get('[data-section="plans"] h3').text()).toBe('预案启动情况');
    expect(w.get('[data-figure="plans.activated"]').text()).toBe('启动预案2');
    expect(
      w
        .get('[data-table="plans.plans"] tbody tr')
        .findAll('td')
        .map((td) => td.text()),
    ).toEqual(['12-07 10:05', 'Ⅱ级', '15 分钟']);
    expect(w.get('[data-table="plans.plans.drill"]').text()).toContain('无');
    expect(w.findAll('.drill-mark').map((m) => m.text())).toEqual(['演练']);
  });

  it('speaks English when the reader does', async () => {
    i18n.global.locale.value = 'en';
    const w = mount(ReportBody, { props: { report }, global: { plugins: [i18n] } });
    expect(w.get('[data-section="plans"] h3').text()).toBe('Plans activated');
    expect(
      w
        .get('[data-table="plans.plans"] tbody tr')
        .findAll('td')
        .map((td) => td.text()),
    ).toEqual(['12-07 10:05', 'Level II', '15 min']);
  });
});

describe('roster form', () => {
  it('reads and writes Beijing wall-clock times whatever the browser’s zone', () => {
    expect(toWall('2026-12-07T16:30:00.000Z')).toBe('2026-12-08T00:30');
    expect(fromWall('2026-12-08T00:30')).toBe('2026-12-08T00:30:00+08:00');
    expect(fromWall('')).toBe('');
  });

  it('turns one person a line (name, then an optional phone) into the shift it sends, and back', () => {
    const form = { startsAt: '2026-12-08T08:30', endsAt: '2026-12-08T17:30', leader: ' 陈志强 ', leaderPhone: '', officers: 'duty 0662-3316011\n\n王磊\nduty2 (0662) 331', note: '' };
    const input = inputOf(form);
    expect(input).toEqual({
      startsAt: '2026-12-08T08:30:00+08:00',
      endsAt: '2026-12-08T17:30:00+08:00',
      leader: { name: '陈志强' },
      officers: [{ name: 'duty', phone: '0662-3316011' }, { name: '王磊' }, { name: 'duty2', phone: '(0662) 331' }],
    });
    const back = formOf({
      id: 's',
      startsAt: '2026-12-08T00:30:00.000Z',
      endsAt: '2026-12-08T09:30:00.000Z',
      leader: { name: '陈志强' },
      officers: [{ name: 'duty', phone: '0662-3316011' }, { name: '王磊' }],
      note: null,
      updatedBy: 'admin',
      updatedAt: '2026-12-07T00:00:00.000Z',
    });
    expect(back).toEqual({ startsAt: '2026-12-08T08:30', endsAt: '2026-12-08T17:30', leader: '陈志强', leaderPhone: '', officers: 'duty 0662-3316011\n王磊', note: '' });
  });
});
