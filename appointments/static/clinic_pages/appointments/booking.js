/* The booking form, enhanced: focus on the error summary, and the office -> day -> time
   picker narrowed in the page instead of by the "Show times" button. Everything works without
   this file; it loads from the site itself (the CSP allows no inline script). */
(function () {
  "use strict";

  var summary = document.getElementById("error-summary");
  if (summary) {
    // At once, and again after the load if the browser's own jump to #booking-form took the
    // focus back to the page (the load can wait long for images on a slow connection). The
    // summary is in view either way; focus has screen readers read it.
    summary.focus();
    if (document.readyState !== "complete") {
      window.addEventListener("load", function () {
        if (!document.activeElement || document.activeElement === document.body) {
          summary.focus();
        }
      });
    }
  }

  var picker = document.querySelector("[data-slot-picker]");
  if (!picker) {
    return;
  }
  var data = JSON.parse(picker.getAttribute("data-slots") || "{}");
  var daysBox = picker.querySelector("[data-days]");
  var timesBox = picker.querySelector("[data-times]");
  var zone = picker.querySelector("[data-zone]");
  var status = picker.querySelector("[data-picker-status]");
  var showButton = picker.querySelector("[data-show-times]");
  if (!data.slots || !daysBox || !timesBox) {
    return;
  }
  // The choices below follow the patient's clicks, so the no-JavaScript step is not needed.
  // Removed, not hidden: a hidden first submit button would still take the Enter key.
  if (showButton) {
    showButton.parentNode.removeChild(showButton);
  }

  function checkedValue(name) {
    var input = picker.querySelector("input[name='" + name + "']:checked") ||
      picker.querySelector("input[type='hidden'][name='" + name + "']");
    return input ? input.value : "";
  }

  function option(name, index, value, label, checked) {
    var box = document.createElement("div");
    box.className = "form-field__option";
    var input = document.createElement("input");
    input.type = "radio";
    input.name = name;
    input.value = value;
    input.id = "id_" + name + "_" + index;
    input.checked = checked;
    var text = document.createElement("label");
    text.htmlFor = input.id;
    text.textContent = label;
    box.appendChild(input);
    box.appendChild(text);
    return box;
  }

  function fill(box, name, items, chosen) {
    while (box.firstChild) {
      box.removeChild(box.firstChild);
    }
    items.forEach(function (item, index) {
      box.appendChild(option(name, index, item[0], item[1], item[0] === chosen));
    });
  }

  function daysAt(office) {
    var seen = [];
    data.slots.forEach(function (slot) {
      if (slot[1] === office && seen.indexOf(slot[2]) === -1) {
        seen.push(slot[2]);
      }
    });
    return seen;
  }

  function timesOn(office, day) {
    return data.slots.filter(function (slot) {
      return slot[1] === office && slot[2] === day;
    }).map(function (slot) {
      return [slot[0], slot[3]];
    });
  }

  function announce(count, day) {
    if (!status) {
      return;
    }
    var template = picker.getAttribute(count === 1 ? "data-count-one" : "data-count-many") || "";
    status.textContent = template.replace("{count}", count).replace("{day}", data.days[day] || "");
  }

  function showTimes(office, day) {
    var chosen = checkedValue("slot");
    var times = timesOn(office, day);
    fill(timesBox, "slot", times, chosen);
    announce(times.length, day);
  }

  function showDays(office) {
    var days = daysAt(office);
    var day = checkedValue("day");
    if (days.indexOf(day) === -1) {
      day = days[0] || "";
    }
    fill(daysBox, "day", days.map(function (iso) { return [iso, data.days[iso] || iso]; }), day);
    if (zone && data.offices && data.offices[office]) {
      zone.textContent = (zone.getAttribute("data-zone-template") || "{zone}")
        .replace("{zone}", data.offices[office]);
    }
    showTimes(office, day);
  }

  picker.addEventListener("change", function (event) {
    var name = event.target && event.target.name;
    if (name === "office") {
      showDays(event.target.value);
    } else if (name === "day") {
      showTimes(checkedValue("office"), event.target.value);
    }
  });
}());
