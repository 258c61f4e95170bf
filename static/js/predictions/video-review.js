/* Video drafts: markers on the timeline and moment links seek the player; "At this moment" writes the player's
 * time into the comment form, so a reviewer can say "0:07 the logo is cut off" without typing the time. */
(() => {
  "use strict";
  const player = document.getElementById("draft-video");
  const label = (seconds) => {
    const whole = Math.floor(seconds);
    const h = Math.floor(whole / 3600), m = Math.floor((whole % 3600) / 60), s = whole % 60;
    const pad = (n) => String(n).padStart(2, "0");
    return h ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
  };
  document.addEventListener("click", (event) => {
    const target = event.target.closest("[data-seek]");
    if (!target || !player) return;
    event.preventDefault();
    player.currentTime = Number(target.dataset.seek);
    player.scrollIntoView({ block: "nearest", behavior: "smooth" });
  });
  const stamp = document.getElementById("comment-at-now");
  const at = document.getElementById("comment-at");
  if (stamp && at && player) {
    stamp.addEventListener("click", () => { at.value = label(player.currentTime); player.pause(); at.dispatchEvent(new Event("input")); });
  }
})();
