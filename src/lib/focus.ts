/**
 * True when keyboard focus rests on nothing the user chose: the page itself, a region the console focused
 * (tabindex -1, such as <main> after a page change) or an element that just went away. Moving focus then
 * helps; moving it away from where the user is (a link in an answer, the debugger) would not.
 */
export function focusIsAdrift(): boolean {
  const active = document.activeElement;
  return !active || active === document.body || !active.isConnected || active.getAttribute('tabindex') === '-1';
}
