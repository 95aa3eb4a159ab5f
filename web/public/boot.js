// Before the first paint (ADR 0025, 0043): the last visit's language; a remembered session hides
// the written login form; that language's catalogue asked for at once (beside the app's script);
// and the written form made live before the app's script has arrived: her login is sent at once,
// the app reads its answer when it starts (`web/src/features/auth/prelogin.ts`).
(function () {
  var h = document.documentElement;
  var l = 'fr';
  try {
    var saved = localStorage.getItem('relais.locale');
    if (saved === 'fr' || saved === 'ar' || saved === 'en') l = saved;
    if (localStorage.getItem('relais.session')) h.classList.add('relais-session');
  } catch {
    // no storage: French, the login page
  }
  h.lang = l;
  h.dir = l === 'ar' ? 'rtl' : 'ltr';

  // The build lists each language's catalogue files in a meta of the head (web/field-assets.ts).
  var catalogue = document.querySelector('meta[name="relais-catalogue-' + l + '"]');
  (catalogue ? catalogue.content.split(' ') : []).forEach(function (href) {
    var link = document.createElement('link');
    link.rel = 'modulepreload';
    link.crossOrigin = '';
    link.href = href;
    document.head.appendChild(link);
  });

  if (h.classList.contains('relais-session')) return;
  // The document parsed (the form is there), before the app's deferred script runs.
  document.addEventListener('readystatechange', function live() {
    if (document.readyState === 'loading') return;
    document.removeEventListener('readystatechange', live);
    var copy = document.querySelector('[data-prelogin][lang="' + l + '"]');
    var form = copy && copy.querySelector('form');
    var button = form && form.querySelector('button[type="submit"]');
    if (!button) return;
    var field = function (autocomplete) {
      return form.querySelector('input[autocomplete="' + autocomplete + '"]');
    };
    var organisation = field('organization');
    try {
      if (organisation && !organisation.value) organisation.value = localStorage.getItem('relais.organisation') || '';
    } catch {
      // no storage: typed by hand
    }
    button.disabled = false;
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      if (window.relaisEarlyLogin) return;
      var body = {};
      var names = { organisation: 'organization', username: 'username', password: 'current-password' };
      for (var name in names) {
        var input = field(names[name]);
        body[name] = input ? input.value : '';
        // Left empty: the app says which field, when it is there.
        if (!body[name]) {
          if (input) input.focus();
          return;
        }
      }
      button.disabled = true;
      button.setAttribute('aria-busy', 'true');
      window.relaisEarlyLogin = {
        body: body,
        answer: fetch('/api/v1/auth/login', {
          method: 'POST',
          headers: { Accept: 'application/json', 'Accept-Language': l, 'Content-Type': 'application/json' },
          credentials: 'same-origin',
          cache: 'no-store',
          body: JSON.stringify(body),
        }).then(
          function (response) {
            return response.text().then(function (text) {
              return { status: response.status, text: text };
            });
          },
          function () {
            return null;
          },
        ),
      };
    });
  });
})();
