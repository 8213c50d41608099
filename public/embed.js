/* Liveblog map host script: makes <iframe data-liveblog-map> take the height its content posts
   (pym.js, Datawrapper or AMP format). Only sizes are read; messages from other frames are ignored. */
(function () {
  if (window.__liveblogMapEmbed) return;
  window.__liveblogMapEmbed = true;
  function heightOf(d) {
    var h = null;
    if (typeof d === 'string') { var p = d.split('xPYMx'); if (p.length === 4 && p[0] === 'pym' && p[2] === 'height') h = +p[3]; }
    else if (d && typeof d === 'object') {
      if (d.sentinel === 'amp' && d.type === 'embed-size') h = +d.height;
      else if (d['datawrapper-height'] && typeof d['datawrapper-height'] === 'object') { for (var k in d['datawrapper-height']) h = +d['datawrapper-height'][k]; }
    }
    return h >= 50 && h <= 20000 ? Math.round(h) : null;
  }
  window.addEventListener('message', function (e) {
    var h = heightOf(e.data);
    if (h === null) return;
    var frames = document.querySelectorAll('iframe[data-liveblog-map]');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === e.source) frames[i].style.height = h + 'px';
    }
  });
})();
