// Filters for the findings: severity, area, account and free text. Runs from file:// without a server.
(function () {
  'use strict';
  var form = document.querySelector('[data-filters]');
  var checks = Array.prototype.slice.call(document.querySelectorAll('details.check'));
  window.addEventListener('beforeprint', function () {
    checks.forEach(function (check) {
      check.open = true;
    });
  });
  if (!form) return;
  form.hidden = false;
  var areas = Array.prototype.slice.call(document.querySelectorAll('section.area'));
  var output = form.querySelector('[data-shown]');
  var fields = {
    severity: form.elements.namedItem('severity'),
    area: form.elements.namedItem('area'),
    account: form.elements.namedItem('account'),
    text: form.elements.namedItem('q'),
  };
  var total = Number(output.getAttribute('data-total'));
  var template = output.getAttribute('data-template');
  var format = new Intl.NumberFormat(document.documentElement.lang || undefined);
  var rows = null;
  var openedBySearch = new Set();

  // Row texts are read once, on first use: a large estate has tens of thousands of rows.
  function allRows() {
    if (rows) return rows;
    rows = [];
    checks.forEach(function (check) {
      var title = check.querySelector('.check-title').textContent;
      check.querySelectorAll('tbody tr').forEach(function (row) {
        rows.push({ row: row, check: check, text: (title + ' ' + row.textContent).toLowerCase() });
      });
    });
    return rows;
  }

  function apply() {
    var severity = fields.severity.value;
    var area = fields.area.value;
    var account = fields.account.value;
    var text = fields.text.value.trim().toLowerCase();
    var filtering = Boolean(severity || area || account || text);
    var visible = new Map();
    var shown = 0;
    allRows().forEach(function (entry) {
      var check = entry.check;
      var match =
        (!severity || check.getAttribute('data-severity') === severity) &&
        (!area || check.getAttribute('data-area') === area) &&
        (!account || entry.row.getAttribute('data-account') === account) &&
        (!text || entry.text.indexOf(text) !== -1);
      entry.row.hidden = !match;
      if (match) {
        shown += 1;
        visible.set(check, (visible.get(check) || 0) + 1);
      }
    });
    checks.forEach(function (check) {
      var count = visible.get(check) || 0;
      check.hidden = count === 0;
      // Checks opened to show text matches close again when the search is cleared, so a large
      // estate does not end up laying out every row at once.
      if (text && count > 0 && !check.open) {
        check.open = true;
        openedBySearch.add(check);
      } else if (!text && openedBySearch.has(check)) {
        check.open = false;
      }
    });
    if (!text) openedBySearch.clear();
    areas.forEach(function (section) {
      section.hidden = filtering && !section.querySelector('details.check:not([hidden])');
    });
    output.textContent = template
      .replace('{shown}', format.format(shown))
      .replace('{total}', format.format(total));
  }

  var timer = 0;
  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(apply, 120);
  }
  form.addEventListener('submit', function (event) {
    event.preventDefault();
  });
  form.addEventListener('change', schedule);
  fields.text.addEventListener('input', schedule);
  form.querySelector('[data-expand]').addEventListener('click', function () {
    checks.forEach(function (check) {
      if (!check.hidden) check.open = true;
    });
  });
  form.querySelector('[data-collapse]').addEventListener('click', function () {
    checks.forEach(function (check) {
      check.open = false;
    });
  });
  output.textContent = template
    .replace('{shown}', format.format(total))
    .replace('{total}', format.format(total));
})();
