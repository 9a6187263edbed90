// The first view (scripts/prerender.mjs) is the default list in one language, painted
// before the app runs. This runs before the page body is drawn and hides it whenever the
// app would open something else: another view named by the address, or another language
// (resolved as the app does: ?lang=, else the browser's first supported language, else
// English). The app removes the first view once it shows its own (src/web/first_view.rs).
(function () {
  var root = document.documentElement;
  var want = root.getAttribute('data-first-view');
  if (!want) return;
  var code = function (s) {
    var p = String(s || '').trim().split(/[-_]/)[0].toLowerCase();
    return p === 'kz' ? 'kk' : p === 'en' || p === 'ru' || p === 'kk' ? p : null;
  };
  var same = true;
  try {
    var params = new URLSearchParams(location.search);
    params.forEach(function (value, key) {
      if (key !== 'lang' && key !== 'theme' && value !== '') same = false;
    });
    var langs = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language];
    var lang = code(params.get('lang'));
    for (var i = 0; !lang && i < langs.length; i++) lang = code(langs[i]);
    if ((lang || 'en') !== want) same = false;
  } catch (e) {
    same = false;
  }
  if (!same) root.classList.add('no-first-view');
})();
