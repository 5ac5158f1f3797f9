// The storefront's scripts: small, plain, and only enhancing pages that work without them.

/**
 * Typeahead over /products/suggest for every search box (input[data-suggest]), as an ARIA combobox:
 * the options are plain text (a link inside an option is a nested interactive control), the input
 * keeps focus and names the highlighted one with aria-activedescendant; Enter or a click opens it.
 */
export const TYPEAHEAD_JS = `(() => {
  for (const input of document.querySelectorAll('input[data-suggest]')) {
    const list = document.createElement('ul');
    list.id = input.id + '-suggestions';
    list.className = 'suggestions';
    list.setAttribute('role', 'listbox');
    list.setAttribute('aria-label', 'Suggestions');
    list.hidden = true;
    input.after(list);
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-controls', list.id);
    input.setAttribute('aria-expanded', 'false');
    let timer, active = -1, asked = 0;
    const mark = () => {
      const items = list.querySelectorAll('[role=option]');
      items.forEach((li, i) => li.setAttribute('aria-selected', String(i === active)));
      if (active >= 0) input.setAttribute('aria-activedescendant', items[active].id);
      else input.removeAttribute('aria-activedescendant');
    };
    const close = () => { list.hidden = true; input.setAttribute('aria-expanded', 'false'); active = -1; mark(); };
    const open = (li) => { location.href = li.dataset.href; };
    input.addEventListener('input', () => {
      clearTimeout(timer);
      const q = input.value.trim();
      if (!q) return close();
      timer = setTimeout(async () => {
        const mine = ++asked;
        try {
          const res = await fetch('/products/suggest?q=' + encodeURIComponent(q), { credentials: 'omit' });
          if (!res.ok || mine !== asked) return;
          const { suggestions } = await res.json();
          list.replaceChildren(...suggestions.map((s, i) => {
            const li = document.createElement('li');
            li.id = list.id + '-' + i;
            li.setAttribute('role', 'option');
            li.dataset.href = '/shop/product/' + encodeURIComponent(s.product_id);
            li.textContent = s.text;
            return li;
          }));
          list.hidden = suggestions.length === 0;
          input.setAttribute('aria-expanded', String(!list.hidden));
          active = -1;
          mark();
        } catch {}
      }, 150);
    });
    input.addEventListener('keydown', (e) => {
      const items = list.querySelectorAll('[role=option]');
      if (list.hidden || items.length === 0) return;
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        active = (active + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length;
        mark();
      } else if (e.key === 'Enter' && active >= 0) {
        e.preventDefault();
        open(items[active]);
      } else if (e.key === 'Escape') close();
    });
    // pressing an option must not blur the input first, or the list closes under the pointer
    list.addEventListener('mousedown', (e) => e.preventDefault());
    list.addEventListener('click', (e) => { const li = e.target.closest('[role=option]'); if (li) open(li); });
    input.addEventListener('blur', () => setTimeout(close, 200));
  }
})();
`;

/**
 * Live order status: polls the order's timeline fragment and redraws it ([data-order-status]); once
 * the fragment says the order may no longer be cancelled, the cancel form ([data-cancel]) goes.
 */
export const ORDER_STATUS_JS = `(() => {
  const section = document.querySelector('[data-order-status]');
  if (!section) return;
  const url = section.getAttribute('data-order-status');
  const final = new Set(['delivered', 'cancelled', 'refunded']);
  const tick = async () => {
    try {
      const res = await fetch(url, { headers: { accept: 'text/html' } });
      if (res.ok) {
        const html = await res.text();
        if (html !== section.innerHTML) section.innerHTML = html;
      }
    } catch {}
    const shown = section.querySelector('[data-status]');
    const status = shown?.getAttribute('data-status');
    if (shown?.getAttribute('data-may-cancel') === 'false') for (const form of document.querySelectorAll('[data-cancel]')) form.hidden = true;
    if (!final.has(status)) setTimeout(tick, 3000);
  };
  setTimeout(tick, 3000);
})();
`;

/** Swaps a product image that fails to load for the placeholder (img[data-fallback]). */
export const IMAGE_FALLBACK_JS = `(() => {
  const swap = (img) => { img.src = img.getAttribute('data-fallback'); img.removeAttribute('data-fallback'); };
  document.addEventListener('error', (e) => { const t = e.target; if (t instanceof HTMLImageElement && t.hasAttribute('data-fallback')) swap(t); }, true);
  for (const img of document.querySelectorAll('img[data-fallback]')) if (img.complete && img.naturalWidth === 0) swap(img);
})();
`;

/** Quantity changes in the cart submit themselves (the Update button stays for those without scripts). */
export const CART_JS = `(() => {
  for (const select of document.querySelectorAll('select[data-autosubmit]')) {
    select.addEventListener('change', () => select.form.requestSubmit());
  }
})();
`;
