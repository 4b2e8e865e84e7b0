import { ref, watch, type Ref } from 'vue';

const key = (shiftId: string) => `cockpit.handover.note.${shiftId}`;

/**
 * The outgoing officer's note (交班说明) for the shift being drafted, kept in this browser per
 * shift until the report is submitted, so neither a redraw nor a reload loses what was typed.
 */
export function useDraftNote(shiftId: Ref<string | null>) {
  const note = ref('');
  watch(shiftId, (id) => (note.value = (id && localStorage.getItem(key(id))) || ''), { immediate: true });
  watch(note, (text) => {
    if (!shiftId.value) return;
    if (text) localStorage.setItem(key(shiftId.value), text);
    else localStorage.removeItem(key(shiftId.value));
  });
  return {
    note,
    /** The report was submitted with it: the draft's note is done with. */
    clear: () => (note.value = ''),
  };
}
