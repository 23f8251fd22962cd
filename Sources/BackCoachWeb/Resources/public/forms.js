// Small helpers for the forms that ask safety questions, set up an account, sign in, pick a day or take a note (not
// loaded on other pages).
(function () {
  // "Show password" beside each password box (without JavaScript there is nothing to toggle, so none is shown).
  document.querySelectorAll("input[type=password]").forEach(function (field) {
    var label = document.createElement("label"), box = document.createElement("input");
    label.className = "inline";
    box.type = "checkbox";
    box.addEventListener("change", function () { field.type = box.checked ? "text" : "password"; });
    label.append(box, " Show password");
    field.insertAdjacentElement("afterend", label);
  });
  // A note with a limit says how much room is left as she types.
  document.querySelectorAll("textarea[maxlength][aria-describedby]").forEach(function (area) {
    var hint = document.getElementById(area.getAttribute("aria-describedby")), limit = +area.getAttribute("maxlength");
    function update() { hint.textContent = (limit - area.value.length).toLocaleString("en-GB") + " characters left."; }
    area.addEventListener("input", update);
    update();
  });
  // A follow-up safety question shows once its question is answered yes or not sure (without JavaScript it is
  // always shown, and the server asks for it only then).
  document.querySelectorAll("[data-follows]").forEach(function (box) {
    var prefix = box.getAttribute("data-follows");
    var form = box.closest("form");
    if (!form) return;
    function update() {
      var raised = Array.prototype.some.call(form.querySelectorAll("input[type=radio]:checked"), function (radio) {
        return (radio.name === prefix || radio.name.indexOf(prefix + ".") === 0) && radio.value !== "no";
      });
      box.hidden = !raised;
    }
    form.addEventListener("change", update);
    update();
  });
  // "None of these today" answers no to each sign, still shown one by one; a yes or not sure to one unticks it.
  document.querySelectorAll("[data-none-today]").forEach(function (none) {
    var form = none.closest("form");
    form.addEventListener("change", function (event) {
      var radio = event.target;
      if (radio === none && none.checked) {
        form.querySelectorAll("input[type=radio][value=no]").forEach(function (no) { if (/^rf\./.test(no.name)) no.checked = true; });
        form.dispatchEvent(new Event("change"));
      } else if (/^rf\./.test(radio.name || "") && radio.value !== "no") {
        none.checked = false;
      }
    });
  });
  // The intake keeps each answer on the server as she gives it (the step stays where it is), and a yes that needs
  // help now opens the advice at once.
  document.querySelectorAll("form[data-autosave]").forEach(function (form) {
    var timer = null;
    form.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var body = new URLSearchParams(new FormData(form));
        body.set("nav", "save");
        // A safety answer that needs help now comes back as a redirect to the advice: show it at once.
        fetch(form.action, { method: "POST", body: body, credentials: "same-origin" }).then(function (response) {
          if (response.redirected && new URL(response.url).pathname === "/start/advice") location.href = response.url;
        }).catch(function () {});
      }, 400);
    });
    form.addEventListener("submit", function () { clearTimeout(timer); });
  });
  // A picker that shows another day loads as soon as she picks (without JavaScript, its button does).
  document.querySelectorAll("[data-autosubmit]").forEach(function (form) {
    form.querySelectorAll("[data-hide-with-js]").forEach(function (button) { button.hidden = true; });
    form.addEventListener("change", function () { form.submit(); });
  });
  // Her time zone, so "today" is her date, not the server's.
  document.querySelectorAll("[data-time-zone]").forEach(function (field) {
    try {
      if (!field.value) field.value = Intl.DateTimeFormat().resolvedOptions().timeZone || "";
    } catch (e) {}
  });
})();
