// The demo shop: a cart kept in localStorage, reported to Targeting on every change.
(function () {
  'use strict';
  var products = [
    { sku: 'aurora-headphones', name: 'Aurora Headphones', category: 'audio', price: 149, color: '#0f766e', blurb: 'Noise-cancelling, 30 hours of battery, folds flat.' },
    { sku: 'pulse-speaker', name: 'Pulse Speaker', category: 'audio', price: 89, color: '#7c3aed', blurb: 'Waterproof pocket speaker with a big sound.' },
    { sku: 'orbit-watch', name: 'Orbit Watch', category: 'wearables', price: 249, color: '#2563eb', blurb: 'Heart rate, GPS and a week between charges.' },
    { sku: 'halo-lamp', name: 'Halo Desk Lamp', category: 'home', price: 39, color: '#d97706', blurb: 'Warm to daylight white, dimmable, USB-C.' }
  ];
  var bySku = {};
  products.forEach(function (p) { bySku[p.sku] = p; });

  function cart() { try { return JSON.parse(localStorage.getItem('demo-cart')) || []; } catch (e) { return []; } }
  function total(lines) { return lines.reduce(function (t, l) { return t + bySku[l.sku].price * l.quantity; }, 0); }
  function money(v) { return '\u20AC' + v.toFixed(2); }
  function saveCart(lines) {
    localStorage.setItem('demo-cart', JSON.stringify(lines));
    Targeting.push({
      type: 'cartUpdate', total: total(lines), currency: 'EUR',
      products: lines.map(function (l) { var p = bySku[l.sku]; return { name: p.name, sku: p.sku, category: p.category, price: p.price, quantity: l.quantity }; })
    });
    badge();
  }
  function add(sku) {
    var lines = cart(), line = lines.filter(function (l) { return l.sku === sku; })[0];
    if (line) line.quantity++; else lines.push({ sku: sku, quantity: 1 });
    saveCart(lines);
  }
  function setQuantity(sku, q) {
    saveCart(cart().map(function (l) { return l.sku === sku ? { sku: sku, quantity: q } : l; }).filter(function (l) { return l.quantity > 0; }));
  }
  function badge() {
    var n = cart().reduce(function (t, l) { return t + l.quantity; }, 0), b = document.getElementById('cart-count');
    if (b) b.textContent = n;
  }
  function h(tag, attrs, kids) {
    var n = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { if (k === 'text') n.textContent = attrs[k]; else if (k === 'onclick') n.onclick = attrs[k]; else n.setAttribute(k, attrs[k]); });
    (kids || []).forEach(function (c) { n.appendChild(c); });
    return n;
  }
  // A tile with the product's initials: no image files, no emoji font needed.
  function tile(p, big) {
    var t = h('a', { href: '/demo/products/' + p.sku, class: 'tile' + (big ? ' big' : ''), style: 'background:' + p.color });
    t.textContent = p.name.split(' ').map(function (w) { return w[0]; }).join('');
    return t;
  }
  function card(p) {
    return h('article', { class: 'card' }, [
      tile(p),
      h('h3', {}, [h('a', { href: '/demo/products/' + p.sku, text: p.name })]),
      h('p', { class: 'muted', text: p.blurb }),
      h('div', { class: 'row' }, [h('strong', { text: money(p.price) }), h('button', { class: 'btn', 'data-add': p.sku, text: 'Add to cart', onclick: function () { add(p.sku); } })])
    ]);
  }

  var views = {
    home: function (main) {
      var grid = h('div', { class: 'grid' });
      products.forEach(function (p) { grid.appendChild(card(p)); });
      main.appendChild(grid);
    },
    product: function (main) {
      var p = bySku[location.pathname.split('/').pop()] || products[0];
      document.title = p.name + ' \u2014 Demo Shop';
      Targeting.push({ type: 'productView', currency: 'EUR', products: [{ name: p.name, sku: p.sku, category: p.category, price: p.price }] });
      main.appendChild(h('div', { class: 'product' }, [
        tile(p, true),
        h('div', {}, [
          h('h1', { text: p.name }), h('p', { class: 'muted', text: p.category }), h('p', { text: p.blurb }),
          h('p', { class: 'price', text: money(p.price) }),
          h('button', { class: 'btn', id: 'add', text: 'Add to cart', onclick: function () { add(p.sku); } }),
          h('p', { class: 'hint', text: 'Stay on this page for 20 seconds: a chat button offers help.' })
        ])
      ]));
    },
    cart: function (main) {
      var lines = cart(), table = h('table', { class: 'lines' });
      lines.forEach(function (l) {
        var p = bySku[l.sku];
        table.appendChild(h('tr', {}, [
          h('td', { text: p.name }),
          h('td', {}, [h('button', { class: 'qty', text: '\u2212', onclick: function () { setQuantity(l.sku, l.quantity - 1); location.reload(); } }),
            h('span', { text: ' ' + l.quantity + ' ' }),
            h('button', { class: 'qty', text: '+', onclick: function () { setQuantity(l.sku, l.quantity + 1); location.reload(); } })]),
          h('td', { class: 'num', text: money(p.price * l.quantity) })
        ]));
      });
      main.appendChild(lines.length ? table : h('p', { text: 'Your cart is empty.' }));
      main.appendChild(h('p', { class: 'total', id: 'cart-total', text: 'Total ' + money(total(lines)) }));
      if (lines.length) main.appendChild(h('a', { class: 'btn', href: '/demo/checkout', id: 'to-checkout', text: 'Checkout' }));
    },
    checkout: function (main) {
      main.appendChild(h('p', { class: 'total', text: 'To pay: ' + money(total(cart())) }));
    },
    confirmation: function () {
      if (cart().length) saveCart([]);
    },
    error: function () {
      Targeting.push({ type: 'visitorError', message: 'Payment declined', code: 'PAY-402' });
    }
  };

  // What the shop does when a visitor takes up an engagement (the tag has reported it as clicked).
  Targeting.on('click', function (e) {
    var t = h('div', { class: 'toast', role: 'status', text: e.kind === 'chatButton' || e.kind === 'stickyButton'
      ? 'Connecting you to a person\u2026 (a demo: no agents here)' : 'Offer applied to your cart (demo)' });
    document.body.appendChild(t);
    setTimeout(function () { t.remove(); }, 4000);
  });

  var page = document.body.getAttribute('data-page');
  document.body.insertBefore(h('header', { class: 'top' }, [
    h('a', { href: '/demo/', class: 'brand', text: '\u25C6 Demo Shop' }),
    h('nav', {}, [
      h('a', { href: '/demo/', text: 'Shop' }),
      h('a', { href: '/demo/cart', id: 'cart-link' }, [document.createTextNode('Cart '), h('span', { id: 'cart-count', class: 'pill', text: '0' })])
    ])
  ]), document.body.firstChild);
  views[page](document.querySelector('main'));
  badge();
})();
