// Steunkring: small progressive enhancements. Every page works without this file.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  // Move focus to the first error message, so screen-reader users hear it at once.
  const alert = document.querySelector(".alert[role=alert]");
  if (alert) {
    alert.setAttribute("tabindex", "-1");
    alert.focus();
  } else if (location.hash === "#snel") {
    // After adding someone with the fast form: ready for the next person. After `load`,
    // because scrolling to the fragment resets the focus.
    window.addEventListener("load", () => {
      setTimeout(() => {
        const name = document.getElementById("fast-name");
        if (name) name.focus();
      }, 0);
    });
  }
  document.querySelectorAll("figure.map[data-draggable]").forEach(enableDragging);
});

// Dragging a member on the circle to another ring or sector. Without JavaScript the member's
// own form does the same.
function enableDragging(figure) {
  const svg = figure.querySelector("svg[data-slices]");
  if (!svg) return;
  const cx = Number(svg.dataset.cx);
  const cy = Number(svg.dataset.cy);
  const bands = svg.dataset.bands.split(" ").map((b) => b.split(":").map(Number));
  const slices = svg.dataset.slices.split(" ").map((s) => {
    const [code, start, end] = s.split(":");
    return { code, start: Number(start), end: Number(end) };
  });
  let drag = null;
  let swallowClick = false;

  const toSvg = (ev) => {
    const point = new DOMPoint(ev.clientX, ev.clientY);
    return point.matrixTransform(svg.getScreenCTM().inverse());
  };

  const ringAt = (r) => {
    for (let i = 0; i < bands.length; i++) {
      if (r < bands[i][1]) return i + 1;
    }
    return bands.length;
  };

  const sectorAt = (angle) => {
    const tau = 2 * Math.PI;
    for (const s of slices) {
      for (let k = -2; k <= 2; k++) {
        const a = angle + k * tau;
        if (a >= s.start && a < s.end) return s.code;
      }
    }
    return null;
  };

  svg.querySelectorAll(".member[data-member]").forEach((node) => {
    node.addEventListener("pointerdown", (ev) => {
      if (ev.button !== 0) return;
      drag = { node, start: toSvg(ev), moved: false };
    });
  });

  svg.addEventListener("pointermove", (ev) => {
    if (!drag) return;
    const p = toSvg(ev);
    const dx = p.x - drag.start.x;
    const dy = p.y - drag.start.y;
    if (!drag.moved && Math.hypot(dx, dy) < 6) return;
    drag.moved = true;
    ev.preventDefault();
    drag.node.classList.add("dragging");
    drag.node.setAttribute("transform", `translate(${dx} ${dy})`);
  });

  const finish = (ev) => {
    if (!drag) return;
    const current = drag;
    drag = null;
    if (!current.moved) return;
    swallowClick = true;
    const p = toSvg(ev);
    const ring = ringAt(Math.hypot(p.x - cx, p.y - cy));
    const sector = sectorAt(Math.atan2(p.y - cy, p.x - cx)) || current.node.dataset.sector;
    if (String(ring) === current.node.dataset.ring && sector === current.node.dataset.sector) {
      current.node.removeAttribute("transform");
      current.node.classList.remove("dragging");
      return;
    }
    const form = document.createElement("form");
    form.method = "post";
    form.action = `/cases/${encodeURIComponent(figure.dataset.case)}/members/${encodeURIComponent(current.node.dataset.member)}/place`;
    for (const [name, value] of [["ring", ring], ["sector", sector]]) {
      const input = document.createElement("input");
      input.type = "hidden";
      input.name = name;
      input.value = value;
      form.appendChild(input);
    }
    document.body.appendChild(form);
    form.submit();
  };
  svg.addEventListener("pointerup", finish);
  svg.addEventListener("pointercancel", () => {
    if (drag) drag.node.removeAttribute("transform");
    drag = null;
  });
  // A drag must not also follow the member's link.
  svg.addEventListener(
    "click",
    (ev) => {
      if (swallowClick) {
        ev.preventDefault();
        swallowClick = false;
      }
    },
    true,
  );
}
