import { ref } from 'vue';

/** A thrown value as words: an Error's message (for an ApiError, the server's), else the value itself. */
export const errorMessage = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/**
 * A desk dialog's request (DeskDialog shows the state): one at a time and `busy` while it runs;
 * a failure becomes the words in `failure` and the dialog stays open. Closing on success is the
 * request's own last step.
 */
export function useDialogSubmit() {
  const busy = ref(false);
  const failure = ref<string | null>(null);

  /**
   * Runs `request` unless one is running. On failure `explain` gives the words to show (and may
   * note what the refusal says); `recover` then runs while still busy (reloading what the
   * refusal showed to be stale).
   */
  async function run(request: () => Promise<void>, explain: (err: unknown) => string = errorMessage, recover?: () => Promise<unknown>): Promise<void> {
    if (busy.value) return;
    busy.value = true;
    failure.value = null;
    try {
      await request();
    } catch (err) {
      failure.value = explain(err);
      await recover?.();
    } finally {
      busy.value = false;
    }
  }

  return { busy, failure, run };
}
