/* The header's menu on phones is a <details> disclosure: it opens and closes without this file.
   This adds what a menu button is expected to do besides: Escape closes it and puts the focus
   back on the button, and a click or the focus moving outside it closes it. Nothing happens where
   the menu shows in full (the button is hidden there). */
(() => {
  "use strict";
  const menu = document.querySelector("[data-site-menu]");
  const toggle = menu && menu.querySelector("summary");
  if (!toggle) return;

  const collapsible = () => toggle.getClientRects().length > 0;
  const close = (returnFocus) => {
    if (!menu.open || !collapsible()) return;
    menu.open = false;
    if (returnFocus) toggle.focus();
  };
  const sync = () => toggle.setAttribute("aria-expanded", String(menu.open));

  sync();
  menu.addEventListener("toggle", sync);
  menu.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && menu.open && collapsible()) {
      event.preventDefault();
      close(true);
    }
  });
  document.addEventListener("click", (event) => {
    if (!menu.contains(event.target)) close(false);
  });
  menu.addEventListener("focusout", (event) => {
    if (event.relatedTarget && !menu.contains(event.relatedTarget)) close(false);
  });
})();
