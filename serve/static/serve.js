// The self-check page without reloads where a browser runs scripts; every page also works without them.
(function () {
  "use strict";
  var drop = document.getElementById("drop");
  var input = document.getElementById("berkas");
  var chosen = document.getElementById("chosen");
  var form = document.getElementById("upload");
  function showChosen() {
    if (!chosen || !input) { return; }
    var names = [];
    for (var i = 0; i < input.files.length; i++) { names.push(input.files[i].name); }
    chosen.textContent = names.join(", ");
  }
  if (drop && input) {
    input.addEventListener("change", showChosen);
    ["dragenter", "dragover"].forEach(function (type) {
      drop.addEventListener(type, function (e) { e.preventDefault(); drop.classList.add("over"); });
    });
    ["dragleave", "drop"].forEach(function (type) {
      drop.addEventListener(type, function (e) { e.preventDefault(); drop.classList.remove("over"); });
    });
    drop.addEventListener("drop", function (e) {
      if (!e.dataTransfer || !e.dataTransfer.files.length) { return; }
      input.files = e.dataTransfer.files;
      showChosen();
      form.requestSubmit ? form.requestSubmit() : form.submit();
    });
  }
  if (form) {
    form.addEventListener("submit", function () {
      var button = document.getElementById("submit");
      if (button) { button.disabled = true; }
    });
  }
  var progress = document.getElementById("progress");
  if (progress) {
    var elapsed = document.getElementById("elapsed");
    var start = Date.now() - 1000 * parseInt(elapsed.textContent || "0", 10);
    setInterval(function () { elapsed.textContent = Math.round((Date.now() - start) / 1000); }, 1000);
    var poll = function () {
      fetch(progress.dataset.status, {cache: "no-store"}).then(function (r) { return r.json(); }).then(function (s) {
        if (s.state === "done" || s.state === "failed" || s.state === "unknown") { window.location.reload(); }
        else { setTimeout(poll, 1000); }
      }).catch(function () { setTimeout(poll, 2000); });
    };
    setTimeout(poll, 1000);
  }
})();
