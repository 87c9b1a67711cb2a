// booklet studio: search the library, add, reorder and remove exercises, and put each
// problem the server finds next to its field. Everything else is plain forms and htmx.
(function () {
  "use strict";

  function refresh(form) {
    if (form && window.htmx) htmx.trigger(form, "refresh");
  }

  function handoutForm() { return document.getElementById("handout-form"); }

  function markChosen() {
    var ids = {};
    document.querySelectorAll("#chosen .row").forEach(function (row) { ids[row.dataset.id] = true; });
    document.querySelectorAll("#cards .card").forEach(function (card) {
      card.classList.toggle("picked", !!ids[card.dataset.id]);
    });
    var count = Object.keys(ids).length;
    var label = document.getElementById("chosen-count");
    if (label) label.textContent = count ? "(" + count + ")" : "";
    var hint = document.getElementById("empty-hint");
    if (hint) hint.hidden = count > 0;
  }

  // search: every word typed must appear in the card's name, regions or props
  document.addEventListener("input", function (event) {
    if (event.target.id !== "search") return;
    var words = event.target.value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    document.querySelectorAll("#cards .card").forEach(function (card) {
      var match = words.every(function (w) { return card.dataset.search.indexOf(w) >= 0; });
      card.hidden = !match;
      if (match) shown += 1;
    });
    document.getElementById("no-match").hidden = shown > 0;
  });

  // a chosen exercise is added once; clicking it again shows its row
  document.addEventListener("htmx:confirm", function (event) {
    var card = event.target.closest && event.target.closest(".card");
    if (!card) return;
    var row = document.querySelector('#chosen .row[data-id="' + card.dataset.id + '"]');
    if (row) {
      event.preventDefault();
      row.scrollIntoView({ block: "nearest" });
      var first = row.querySelector("input:not([type=hidden]), select");
      if (first) first.focus();
    }
  });

  // while a field is wrong, the last good pages stay, dimmed, under the note
  document.addEventListener("htmx:beforeSwap", function (event) {
    var target = event.detail.target;
    if (target.id !== "preview" || !target.querySelector("img.page")) return;
    if (event.detail.serverResponse.indexOf("data-keep-pages") < 0) return;
    event.detail.shouldSwap = false;
    var holder = document.createElement("div");
    holder.innerHTML = event.detail.serverResponse;
    var old = target.querySelector("[data-keep-pages], .note");
    var note = holder.querySelector("[data-keep-pages]");
    if (old && note) old.replaceWith(note);
    var slots = holder.querySelector("#slots");
    var current = target.querySelector("#slots");
    if (slots && current) current.textContent = slots.textContent;
    target.classList.add("stale");
    showProblems(JSON.parse(slots ? slots.textContent || "{}" : "{}"));
  });

  document.addEventListener("htmx:afterSwap", function (event) {
    if (event.detail.target.id === "preview") event.detail.target.classList.remove("stale");
    if (event.detail.target.id === "chosen") { markChosen(); refresh(handoutForm()); }
    var slots = document.getElementById("slots");
    if (slots && event.detail.target.closest && event.detail.target.closest("#preview, #brand-preview, #booklet-preview")) {
      showProblems(JSON.parse(slots.textContent || "{}"));
    }
  });

  function showProblems(slots) {
    document.querySelectorAll("[data-slot]").forEach(function (slot) {
      var message = slots[slot.dataset.slot] || "";
      slot.textContent = message;
      var field = slot.previousElementSibling && slot.previousElementSibling.querySelector("input, select, textarea");
      if (field) field.setAttribute("aria-invalid", message ? "true" : "false");
      var more = slot.closest("details");
      if (message && more) more.open = true;
    });
    var shown = {};
    document.querySelectorAll("[data-slot]").forEach(function (slot) { shown[slot.dataset.slot] = true; });
    var rest = Object.keys(slots).filter(function (k) { return !shown[k]; }).map(function (k) { return slots[k]; });
    var general = document.querySelector('[data-slot="form"]');
    if (general && rest.length) general.textContent = rest.join(" · ");
  }

  // remove, move up, move down
  document.addEventListener("click", function (event) {
    var button = event.target.closest("button");
    if (!button) return;
    var row = button.closest(".row");
    if (!row) return;
    if (button.classList.contains("remove")) row.remove();
    else if (button.classList.contains("up") && row.previousElementSibling) row.parentNode.insertBefore(row, row.previousElementSibling);
    else if (button.classList.contains("down") && row.nextElementSibling) row.parentNode.insertBefore(row.nextElementSibling, row);
    else return;
    markChosen();
    refresh(handoutForm());
  });

  // drag to reorder
  var dragged = null;
  document.addEventListener("dragstart", function (event) {
    var row = event.target.closest && event.target.closest(".row");
    if (!row) return;
    dragged = row;
    row.classList.add("dragging");
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", row.dataset.id);
  });
  document.addEventListener("dragover", function (event) {
    var row = event.target.closest && event.target.closest(".row");
    if (!dragged || !row || row === dragged) return;
    event.preventDefault();
    document.querySelectorAll(".row.over").forEach(function (r) { r.classList.remove("over"); });
    row.classList.add("over");
  });
  document.addEventListener("drop", function (event) {
    var row = event.target.closest && event.target.closest(".row");
    if (!dragged || !row || row === dragged) return;
    event.preventDefault();
    var rows = Array.prototype.slice.call(row.parentNode.children);
    var after = rows.indexOf(dragged) < rows.indexOf(row);
    row.parentNode.insertBefore(dragged, after ? row.nextElementSibling : row);
    refresh(handoutForm());
  });
  document.addEventListener("dragend", function () {
    if (dragged) dragged.classList.remove("dragging");
    document.querySelectorAll(".row.over").forEach(function (r) { r.classList.remove("over"); });
    dragged = null;
  });

  // colour pickers and their text boxes keep each other in step
  document.addEventListener("input", function (event) {
    var target = event.target;
    if (target.dataset && target.dataset.mirror) {
      var other = document.getElementById(target.dataset.mirror);
      if (other && other.value !== target.value) other.value = target.value;
    }
  });

  // choosing another program or brand file opens it
  document.addEventListener("change", function (event) {
    var name = event.target.dataset && event.target.dataset.reload;
    if (name) location.search = "?" + name + "=" + encodeURIComponent(event.target.value);
  });

  document.addEventListener("DOMContentLoaded", markChosen);
})();
