/**
 * react-aria finds the browser's locale as its module is evaluated, with
 * `Intl.DateTimeFormat.supportedLocalesOf`: the page's first `Intl` call, which loads the engine's
 * locale data. Made there, it is part of the signed-in frame's evaluation, the longest task of
 * opening a package (docs/decisions/0227). The same call made here, in a task of its own while the
 * page still waits for the session and the frame's chunks, leaves react-aria's call cheap.
 */
export function warmLocaleData(later: (task: () => void) => void = (task) => setTimeout(task, 0)): void {
  later(() => {
    try {
      Intl.DateTimeFormat.supportedLocalesOf([navigator.language]);
    } catch {
      // A tag Intl refuses: react-aria falls back to en-US itself, nothing to warm.
    }
  });
}
