import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { defineComponent, h } from 'vue';
import { afterEach, describe, expect, it, vi } from 'vitest';
import DeskDialog from '../../../../client/src/components/DeskDialog.vue';
import { errorMessage, useDialogSubmit } from '../../../../client/src/composables/useDialogSubmit.js';

/** A promise the test settles by hand. */
function deferred() {
  let resolve!: () => void;
  let reject!: (err: unknown) => void;
  const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

/** A dialog as the desk's are built: DeskDialog over useDialogSubmit, with one autofocus field. */
function dialog(request: () => Promise<void>, recover?: () => Promise<unknown>) {
  return defineComponent({
    emits: ['close'],
    setup(_, { emit }) {
      const { busy, failure, run } = useDialogSubmit();
      const submit = () => run(request, (err) => `提交失败：${errorMessage(err)}`, recover);
      return () =>
        h(
          DeskDialog,
          {
            testid: 'test-dialog',
            submitTestid: 'test-submit',
            errorTestid: 'test-error',
            title: '签收预警',
            cancelLabel: '取消',
            submitLabel: '提交',
            busyLabel: '提交中…',
            busy: busy.value,
            failure: failure.value,
            onSubmit: submit,
            onClose: () => emit('close'),
          },
          () => h('textarea', { autofocus: true, 'data-testid': 'field' }),
        );
    },
  });
}

let wrapper: VueWrapper | null = null;
afterEach(() => {
  wrapper?.unmount();
  wrapper = null;
});
function open(request: () => Promise<void>, recover?: () => Promise<unknown>) {
  wrapper = mount(dialog(request, recover), { attachTo: document.body });
  return wrapper;
}
const submitButton = (w: VueWrapper) => w.get<HTMLButtonElement>('[data-testid="test-submit"]');

describe('DeskDialog with useDialogSubmit', () => {
  it('is a modal form named by its title, with the autofocus field focused and no failure shown', () => {
    const w = open(async () => undefined);
    const form = w.get('[data-testid="test-dialog"]');
    expect(form.element.tagName).toBe('FORM');
    expect(form.attributes('role')).toBe('dialog');
    expect(form.attributes('aria-modal')).toBe('true');
    expect(document.getElementById(form.attributes('aria-labelledby')!)?.textContent).toBe('签收预警');
    expect(document.activeElement).toBe(w.get('[data-testid="field"]').element);
    expect(w.find('[data-testid="test-error"]').exists()).toBe(false);
    expect(submitButton(w).text()).toBe('提交');
  });

  it('is busy while the request runs: the submit is off, says so, and a second submit sends nothing', async () => {
    const pending = deferred();
    const request = vi.fn(() => pending.promise);
    const w = open(request);
    await w.get('form').trigger('submit');
    expect(submitButton(w).element.disabled).toBe(true);
    expect(submitButton(w).text()).toBe('提交中…');
    await w.get('form').trigger('submit');
    expect(request).toHaveBeenCalledOnce();

    pending.resolve();
    await flushPromises();
    expect(submitButton(w).element.disabled).toBe(false);
    expect(submitButton(w).text()).toBe('提交');
  });

  it("shows the server's message and stays open when the request fails; recovery runs while still busy; a retry clears it", async () => {
    let busyDuringRecovery: boolean | null = null;
    const request = vi.fn().mockRejectedValueOnce(new Error('alert is cancelled, not active')).mockResolvedValueOnce(undefined);
    const w = open(request, async () => (busyDuringRecovery = submitButton(w).element.disabled));
    await w.get('form').trigger('submit');
    await flushPromises();
    const error = w.get('[data-testid="test-error"]');
    expect(error.text()).toBe('提交失败：alert is cancelled, not active');
    expect(error.attributes('role')).toBe('alert');
    expect(busyDuringRecovery).toBe(true);
    expect(w.find('[data-testid="test-dialog"]').exists()).toBe(true);
    expect(w.emitted('close')).toBeUndefined();
    expect(submitButton(w).element.disabled).toBe(false);

    await w.get('form').trigger('submit');
    await flushPromises();
    expect(w.find('[data-testid="test-error"]').exists()).toBe(false);
  });

  it('closes on cancel, on Escape and on a click beside it, not on a click inside', async () => {
    const request = vi.fn(async () => undefined);
    const w = open(request);
    await w.get('[data-testid="test-dialog"]').trigger('click');
    expect(w.emitted('close')).toBeUndefined();
    await w.get('button[type="button"]').trigger('click');
    expect(w.get('button[type="button"]').text()).toBe('取消');
    await w.get('form').trigger('keydown', { key: 'Escape' });
    await w.get('.modal-backdrop').trigger('click');
    expect(w.emitted('close')).toHaveLength(3);
    expect(request).not.toHaveBeenCalled();
  });

  it('keeps the submit off until the form can be sent, and keeps its label while busy without a busy label', () => {
    const props = { testid: 'd', submitTestid: 's', cancelLabel: '取消', submitLabel: '派出', failure: null };
    const off = mount(DeskDialog, { props: { ...props, busy: false, canSubmit: false } });
    expect(off.get<HTMLButtonElement>('[data-testid="s"]').element.disabled).toBe(true);
    const busy = mount(DeskDialog, { props: { ...props, busy: true }, slots: { title: '<b class="drill">演练</b>' } });
    expect(busy.get('[data-testid="s"]').text()).toBe('派出');
    expect(busy.get('h3 .drill').text()).toBe('演练');
  });
});
